import type { BatchContext } from '@thidua/kit';
import type { ContestEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent, type StaleStandings } from './apply-event.ts';
import type { RankingDatabase } from './database.ts';
import { rerankPeriod } from './rerank-period.ts';

/** Applies a batch, then ranks each period it touched once (not once per event). */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent)[],
  context: BatchContext<RankingDatabase>,
): Promise<void> {
  const stale = new Map<string, StaleStandings>();
  for (const event of events) {
    for (const period of await applyEvent(context.trx, event)) {
      stale.set(`${period.clusterCode}/${period.periodId}`, period);
    }
  }
  for (const period of stale.values()) await rerankPeriod(context, period);
}
