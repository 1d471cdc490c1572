import { StaleSet, type BatchContext, type ClusterYear } from '@thidua/kit';
import type { ContestEvent, EventOf, RankingsEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent } from './apply-event.ts';
import type { AwardsDatabase } from './database.ts';
import { recordScorecards, yearEnd } from './record-scorecards.ts';
import { recompute } from './recompute.ts';

/**
 * Applies a batch, then works out each touched cluster-year's award sheet once. Scorecards, most
 * of a busy batch, are written together; the other events one by one. Scorecards have a table of
 * their own, so the two orders leave the same state.
 */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent | RankingsEvent)[],
  context: BatchContext<AwardsDatabase>,
): Promise<void> {
  const stale = new StaleSet<ClusterYear>();
  const scorecards: EventOf<'ScorecardComputed'>[] = [];
  for (const [index, event] of events.entries()) {
    if (event.type !== 'ScorecardComputed') {
      for (const sheet of await applyEvent(context.trx, event)) stale.mark(sheet, event, index);
      continue;
    }
    scorecards.push(event);
    const year = yearEnd(event.data.periodId);
    if (year !== null) {
      stale.mark({ clusterCode: event.clusterCode, year }, event, index);
    }
  }
  await recordScorecards(context.trx, scorecards);
  for (const sheet of stale.items()) await recompute(context, sheet);
}
