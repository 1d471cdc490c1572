import type { BatchContext } from '@thidua/kit';
import type { AwardsEvent, ContestEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent, type StaleSummary } from './apply-event.ts';
import type { ReportingDatabase } from './database.ts';
import { resummarizeCluster, rollUpPeriod } from './resummarize.ts';

/** Applies a batch, then summarises each touched period once and rolls each touched period up. */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent | AwardsEvent)[],
  { trx }: BatchContext<ReportingDatabase>,
): Promise<void> {
  const stale = new Map<string, StaleSummary>();
  for (const event of events) {
    for (const period of await applyEvent(trx, event)) {
      stale.set(`${period.clusterCode}/${period.periodId}`, period);
    }
  }
  for (const period of stale.values()) await resummarizeCluster(trx, period);
  for (const periodId of new Set([...stale.values()].map((s) => s.periodId))) {
    await rollUpPeriod(trx, periodId);
  }
}
