import { StaleSet, type BatchContext, type ClusterPeriod } from '@thidua/kit';
import type { ContestEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent } from './apply-event.ts';
import type { RankingDatabase } from './database.ts';
import { recordScorecards, type PlacedScorecard } from './record-scorecards.ts';
import { recompute } from './recompute.ts';

/**
 * Applies a batch, then ranks each period it touched once (not once per event). Scorecards, nearly
 * every event of a busy batch, are written together; contest facts one by one. The two write
 * different tables, so either order leaves the same state.
 */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent)[],
  context: BatchContext<RankingDatabase>,
): Promise<void> {
  const stale = new StaleSet<ClusterPeriod>();
  const scorecards: PlacedScorecard[] = [];
  for (const [index, event] of events.entries()) {
    if (event.type === 'ScorecardComputed') scorecards.push({ event, index });
    else
      for (const period of await applyEvent(context.trx, event)) stale.mark(period, event, index);
  }
  for (const { event, index } of await recordScorecards(context.trx, scorecards)) {
    stale.mark({ clusterCode: event.clusterCode, periodId: event.data.periodId }, event, index);
  }
  await recompute(context, stale.items());
}
