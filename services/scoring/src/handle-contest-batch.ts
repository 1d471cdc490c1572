import { stalePeriod, stalePeriods, type BatchContext } from '@thidua/kit';
import type { ContestEvent } from '@thidua/schema';
import { applyContestEvent } from './apply-contest-event.ts';
import type { ScoringDatabase } from './database.ts';
import { recordSubmissions, type PlacedSubmission } from './record-submissions.ts';
import { rescorePeriods } from './rescore-periods.ts';

/**
 * Applies a batch of contest facts, then scores each period they touched once. Submissions, nearly
 * every event of a busy batch, are written together; the other facts one by one. Each kind of fact
 * has its own table, so the two orders leave the same state.
 */
export async function handleContestBatch(
  events: ContestEvent[],
  context: BatchContext<ScoringDatabase>,
): Promise<void> {
  const stale = stalePeriods();
  const submissions: PlacedSubmission[] = [];
  for (const [index, event] of events.entries()) {
    if (event.type === 'ResultsSubmitted') submissions.push({ event, index });
    else
      for (const period of await applyContestEvent(context.trx, event)) stale.mark(period, index);
  }
  for (const { event, index } of await recordSubmissions(context.trx, submissions)) {
    stale.mark(stalePeriod(event, event.data.periodId), index);
  }
  await rescorePeriods(context, stale.items());
}
