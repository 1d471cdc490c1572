import { createConsumingService, type CommonSettings, type ConsumingService } from '@thidua/kit';
import type { ScoringDatabase } from './database.ts';
import { handleBatch } from './handle-batch.ts';
import { scoringMigrations } from './migrations/index.ts';

/** Contest facts in, scorecards out. */
export function createScoringService(
  settings: CommonSettings,
  healthPort: number,
): ConsumingService {
  return createConsumingService<ScoringDatabase, 'contest'>({
    name: 'scoring',
    settings,
    healthPort,
    migrations: scoringMigrations,
    topics: ['contest'],
    handle: handleBatch,
  });
}
