import type { BatchContext } from '@thidua/kit';
import type { ContestEvent, RankingsEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent, type StaleSheet } from './apply-event.ts';
import type { AwardsDatabase } from './database.ts';
import { resheet } from './resheet.ts';

/** Applies a batch, then works out each touched cluster-year's award sheet once. */
export async function handleBatch(
  events: (ContestEvent | ScoresEvent | RankingsEvent)[],
  context: BatchContext<AwardsDatabase>,
): Promise<void> {
  const stale = new Map<string, StaleSheet>();
  for (const event of events) {
    for (const sheet of await applyEvent(context.trx, event)) {
      stale.set(`${sheet.clusterCode}/${String(sheet.year)}`, sheet);
    }
  }
  for (const sheet of stale.values()) await resheet(context, sheet);
}
