import { stalePeriod, stalePeriods, type BatchContext } from '@thidua/kit';
import type { ContestEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent } from './apply-event.ts';
import type { RankingDatabase } from './database.ts';
import { recordScorecards, type PlacedScorecard } from './record-scorecards.ts';
import { rerankPeriods } from './rerank-periods.ts';

/**
 * Applies a batch, then ranks each period it touched once (not once per event). Scorecards, nearly
 * every event of a busy batch, are written together; contest facts one by one. The two write
 * different tables, so either order leaves the same state.
 */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent)[],
  context: BatchContext<RankingDatabase>,
): Promise<void> {
  const stale = stalePeriods();
  const scorecards: PlacedScorecard[] = [];
  for (const [index, event] of events.entries()) {
    if (event.type === 'ScorecardComputed') scorecards.push({ event, index });
    else for (const period of await applyEvent(context.trx, event)) stale.mark(period, index);
  }
  for (const { event, index } of await recordScorecards(context.trx, scorecards)) {
    stale.mark(stalePeriod(event, event.data.periodId), index);
  }
  await rerankPeriods(context, stale.items());
}
