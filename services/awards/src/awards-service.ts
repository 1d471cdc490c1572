import { createConsumingService, type CommonSettings, type ConsumingService } from '@thidua/kit';
import type { AwardsDatabase } from './database.ts';
import { handleBatch } from './handle-batch.ts';
import { awardsMigrations } from './migrations/index.ts';

/** Final standings, scorecards, votes and decisions in; award sheets out. */
export function createAwardsService(
  settings: CommonSettings,
  healthPort: number,
): ConsumingService {
  return createConsumingService<AwardsDatabase, 'contest' | 'scores' | 'rankings'>({
    name: 'awards',
    settings,
    healthPort,
    migrations: awardsMigrations,
    topics: ['contest', 'scores', 'rankings'],
    handle: handleBatch,
  });
}
