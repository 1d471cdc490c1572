import { createConsumingService, type CommonSettings, type ConsumingService } from '@thidua/kit';
import type { ReportingDatabase } from './database.ts';
import { handleBatch } from './handle-batch.ts';
import { reportingMigrations } from './migrations/index.ts';

/** Contest facts and scorecards in, summaries for the central board out (as a published view). */
export function createReportingService(
  settings: CommonSettings,
  healthPort: number,
): ConsumingService {
  return createConsumingService<ReportingDatabase, 'contest' | 'scores'>({
    name: 'reporting',
    settings,
    healthPort,
    migrations: reportingMigrations,
    topics: ['contest', 'scores'],
    handle: handleBatch,
  });
}
