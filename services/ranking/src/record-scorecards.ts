import { chunksOf, newestPerKey } from '@thidua/kit';
import type { EventOf } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { RankingDatabase } from './database.ts';
import type { RankableScorecard } from './rank-units.ts';

/** A scorecard event and its place in the batch. */
export interface PlacedScorecard {
  event: EventOf<'ScorecardComputed'>;
  index: number;
}

const keyOf = (clusterCode: string, periodId: string, unitCode: string) =>
  `${clusterCode}/${periodId}/${unitCode}`;

/** What ranking orders by: a tenth of the scorecard, so reading a period back stays cheap. */
function rankable(card: EventOf<'ScorecardComputed'>['data']): RankableScorecard {
  const { unitCode, total, criteriaSum, deductions, submittedAt, classification } = card;
  return { unitCode, total, criteriaSum, deductions, submittedAt, classification };
}

/**
 * Keeps each unit's scorecard of the newest submission version, in one statement per chunk, and
 * returns those that were written. A scorecard of an older version never replaces a newer one; of
 * equal versions the later replaces the earlier, as applying them one by one would.
 */
export async function recordScorecards(
  trx: Transaction<RankingDatabase>,
  scorecards: readonly PlacedScorecard[],
): Promise<PlacedScorecard[]> {
  const newest = newestPerKey(
    scorecards,
    ({ event }) => keyOf(event.clusterCode, event.data.periodId, event.data.unitCode),
    ({ event }) => event.data.submissionVersion,
    'last',
  );
  const written: PlacedScorecard[] = [];
  for (const chunk of chunksOf([...newest.values()])) {
    const rows = await trx
      .insertInto('scorecards')
      .values(
        chunk.map(({ event }) => ({
          cluster_code: event.clusterCode,
          period_id: event.data.periodId,
          unit_code: event.data.unitCode,
          submission_version: event.data.submissionVersion,
          scorecard: JSON.stringify(rankable(event.data)),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'period_id', 'unit_code'])
          .doUpdateSet((eb) => ({
            submission_version: eb.ref('excluded.submission_version'),
            scorecard: eb.ref('excluded.scorecard'),
          }))
          .where('scorecards.submission_version', '<=', (eb) =>
            eb.ref('excluded.submission_version'),
          ),
      )
      .returning(['cluster_code', 'period_id', 'unit_code'])
      .execute();
    for (const row of rows) {
      const placed = newest.get(keyOf(row.cluster_code, row.period_id, row.unit_code));
      if (placed !== undefined) written.push(placed);
    }
  }
  return written;
}
