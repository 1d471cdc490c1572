import { createConsumingService, type CommonSettings, type ConsumingService } from '@thidua/kit';
import type { RankingDatabase } from './database.ts';
import { handleBatch } from './handle-batch.ts';
import { rankingMigrations } from './migrations/index.ts';

/** Scorecards and membership in, standings out. */
export function createRankingService(
  settings: CommonSettings,
  healthPort: number,
): ConsumingService {
  return createConsumingService<RankingDatabase, 'contest' | 'scores'>({
    name: 'ranking',
    settings,
    healthPort,
    migrations: rankingMigrations,
    topics: ['contest', 'scores'],
    handle: handleBatch,
  });
}
