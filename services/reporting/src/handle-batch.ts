import type { BatchContext } from '@thidua/kit';
import type { AwardsEvent, ContestEvent, EventOf, ScoresEvent } from '@thidua/schema';
import { applyEvent, type StaleSummary } from './apply-event.ts';
import type { ReportingDatabase } from './database.ts';
import { recordScorecards } from './record-scorecards.ts';
import { recordSubmissions } from './record-submissions.ts';
import { resummarizeClusters, rollUpPeriod } from './resummarize.ts';

/**
 * Applies a batch, then summarises each touched period once and rolls each touched period up.
 * Submissions and scorecards, nearly every event of a busy batch, are written together; the other
 * events one by one. Each kind has its own table, so either order leaves the same state.
 */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent | AwardsEvent)[],
  { trx }: BatchContext<ReportingDatabase>,
): Promise<void> {
  const stale = new Map<string, StaleSummary>();
  const markStale = (period: StaleSummary) =>
    stale.set(`${period.clusterCode}/${period.periodId}`, period);
  const submissions: EventOf<'ResultsSubmitted'>[] = [];
  const scorecards: EventOf<'ScorecardComputed'>[] = [];
  for (const event of events) {
    if (event.type === 'ResultsSubmitted' || event.type === 'ScorecardComputed') {
      // The period is summarised again even when the event changes nothing.
      markStale({ clusterCode: event.clusterCode, periodId: event.data.periodId });
      if (event.type === 'ResultsSubmitted') submissions.push(event);
      else scorecards.push(event);
    } else {
      for (const period of await applyEvent(trx, event)) markStale(period);
    }
  }
  await recordSubmissions(trx, submissions);
  await recordScorecards(trx, scorecards);
  await resummarizeClusters(trx, [...stale.values()]);
  // In sorted order, so two instances rolling up the same periods take their locks in one order.
  const periodIds = [...new Set([...stale.values()].map((s) => s.periodId))].sort();
  for (const periodId of periodIds) await rollUpPeriod(trx, periodId);
}
