import { createConsumingService, type CommonSettings, type ConsumingService } from '@thidua/kit';
import type { ReportingDatabase } from './database.ts';
import { handleBatch } from './handle-batch.ts';
import { reportingMigrations } from './migrations/index.ts';

/** Contest facts, scorecards and award sheets in; summaries for the central board out (a published view). */
export function createReportingService(
  settings: CommonSettings,
  healthPort: number,
): ConsumingService {
  return createConsumingService<ReportingDatabase, 'contest' | 'scores' | 'awards'>({
    name: 'reporting',
    settings,
    healthPort,
    migrations: reportingMigrations,
    topics: ['contest', 'scores', 'awards'],
    handle: handleBatch,
  });
}
