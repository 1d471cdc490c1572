import type { BatchContext } from '@thidua/kit';
import type { ContestEvent } from '@thidua/schema';
import { applyContestEvent, type StalePeriod } from './apply-contest-event.ts';
import type { ScoringDatabase } from './database.ts';
import { rescorePeriod } from './rescore-period.ts';

/** Applies a batch of contest facts, then scores each period they touched once. */
export async function handleContestBatch(
  events: ContestEvent[],
  context: BatchContext<ScoringDatabase>,
): Promise<void> {
  const stale = new Map<string, StalePeriod>();
  for (const event of events) {
    for (const period of await applyContestEvent(context.trx, event)) {
      stale.set(`${period.clusterCode}/${period.periodId}`, period);
    }
  }
  for (const period of stale.values()) await rescorePeriod(context, period);
}
