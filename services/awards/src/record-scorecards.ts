import { chunksOf, newestPerKey } from '@thidua/kit';
import { isYearEnd, yearOf, type EventOf } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { AwardsDatabase } from './database.ts';

/** The year whose award sheet a scorecard counts for: only year-end scorecards do. */
export const yearEnd = (periodId: string) => (isYearEnd(periodId) ? yearOf(periodId) : null);

/**
 * Keeps what the awards need of a batch's year-end scorecards in one statement per chunk. A
 * scorecard of an older submission version never replaces a newer one; of two of the same version
 * the later wins, as applying them one by one would.
 */
export async function recordScorecards(
  trx: Transaction<AwardsDatabase>,
  scorecards: readonly EventOf<'ScorecardComputed'>[],
): Promise<void> {
  const latest = newestPerKey(
    scorecards,
    (event) => `${event.clusterCode}/${event.data.periodId}/${event.data.unitCode}`,
    (event) => event.data.submissionVersion,
    'last',
  );
  const rows = [...latest.values()].flatMap(({ clusterCode, data }) => {
    const year = yearEnd(data.periodId);
    return year === null
      ? []
      : [
          {
            cluster_code: clusterCode,
            year,
            unit_code: data.unitCode,
            submission_version: data.submissionVersion,
            classification: data.classification,
            disqualified: data.disqualified,
            on_time: data.onTime,
          },
        ];
  });
  for (const chunk of chunksOf(rows)) {
    await trx
      .insertInto('scorecards')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year', 'unit_code'])
          .doUpdateSet((eb) => ({
            submission_version: eb.ref('excluded.submission_version'),
            classification: eb.ref('excluded.classification'),
            disqualified: eb.ref('excluded.disqualified'),
            on_time: eb.ref('excluded.on_time'),
          }))
          .where('scorecards.submission_version', '<=', (eb) =>
            eb.ref('excluded.submission_version'),
          ),
      )
      .execute();
  }
}
