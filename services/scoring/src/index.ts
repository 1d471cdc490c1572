export { createScoringService } from './scoring-service.ts';
export type { ScoringDatabase } from './database.ts';
