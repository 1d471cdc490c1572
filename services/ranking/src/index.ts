export { createRankingService } from './ranking-service.ts';
export type { RankingDatabase } from './database.ts';
