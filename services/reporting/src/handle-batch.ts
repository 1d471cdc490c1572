import { StaleSet, type BatchContext, type ClusterPeriod } from '@thidua/kit';
import type { AwardsEvent, ContestEvent, EventOf, ScoresEvent } from '@thidua/schema';
import { applyEvent } from './apply-event.ts';
import type { ReportingDatabase } from './database.ts';
import { recordScorecards } from './record-scorecards.ts';
import { recordSubmissions } from './record-submissions.ts';
import { recompute, rollUpPeriod } from './recompute.ts';

/**
 * Applies a batch, then summarises each touched period once and rolls each touched period up.
 * Submissions and scorecards, nearly every event of a busy batch, are written together; the other
 * events one by one. Each kind has its own table, so either order leaves the same state.
 */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent | AwardsEvent)[],
  { trx }: BatchContext<ReportingDatabase>,
): Promise<void> {
  const stale = new StaleSet<ClusterPeriod>();
  const submissions: EventOf<'ResultsSubmitted'>[] = [];
  const scorecards: EventOf<'ScorecardComputed'>[] = [];
  for (const [index, event] of events.entries()) {
    if (event.type === 'ResultsSubmitted' || event.type === 'ScorecardComputed') {
      // The period is summarised again even when the event changes nothing.
      stale.mark({ clusterCode: event.clusterCode, periodId: event.data.periodId }, event, index);
      if (event.type === 'ResultsSubmitted') submissions.push(event);
      else scorecards.push(event);
    } else {
      for (const period of await applyEvent(trx, event)) stale.mark(period, event, index);
    }
  }
  await recordSubmissions(trx, submissions);
  await recordScorecards(trx, scorecards);
  await recompute(trx, stale.items());
  // In sorted order, so two instances rolling up the same periods take their locks in one order.
  const periodIds = [...new Set(stale.items().map((s) => s.periodId))].sort();
  for (const periodId of periodIds) await rollUpPeriod(trx, periodId);
}
