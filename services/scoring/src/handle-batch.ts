import { StaleSet, type BatchContext, type ClusterPeriod } from '@thidua/kit';
import type { ContestEvent } from '@thidua/schema';
import { applyEvent } from './apply-event.ts';
import type { ScoringDatabase } from './database.ts';
import { recordSubmissions, type PlacedSubmission } from './record-submissions.ts';
import { recompute } from './recompute.ts';

/**
 * Applies a batch of contest facts, then scores each period they touched once. Submissions, nearly
 * every event of a busy batch, are written together; the other facts one by one. Each kind of fact
 * has its own table, so the two orders leave the same state.
 */
export async function handleBatch(
  events: ContestEvent[],
  context: BatchContext<ScoringDatabase>,
): Promise<void> {
  const stale = new StaleSet<ClusterPeriod>();
  const submissions: PlacedSubmission[] = [];
  for (const [index, event] of events.entries()) {
    if (event.type === 'ResultsSubmitted') submissions.push({ event, index });
    else
      for (const period of await applyEvent(context.trx, event)) stale.mark(period, event, index);
  }
  for (const { event, index } of await recordSubmissions(context.trx, submissions)) {
    stale.mark({ clusterCode: event.clusterCode, periodId: event.data.periodId }, event, index);
  }
  await recompute(context, stale.items());
}
