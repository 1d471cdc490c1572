import { chunksOf, newestPerKey } from '@thidua/kit';
import type { EventOf } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { ReportingDatabase } from './database.ts';

/**
 * Keeps each unit's scorecard of the newest submission version, in one statement per chunk. A
 * scorecard of an older version never replaces a newer one; of equal versions the later replaces
 * the earlier, as applying them one by one would.
 */
export async function recordScorecards(
  trx: Transaction<ReportingDatabase>,
  scorecards: readonly EventOf<'ScorecardComputed'>[],
): Promise<void> {
  const newest = newestPerKey(
    scorecards,
    (event) => `${event.clusterCode}/${event.data.periodId}/${event.data.unitCode}`,
    (event) => event.data.submissionVersion,
    'last',
  );
  for (const chunk of chunksOf([...newest.values()])) {
    await trx
      .insertInto('scorecards')
      .values(
        chunk.map(({ clusterCode, data }) => ({
          cluster_code: clusterCode,
          period_id: data.periodId,
          unit_code: data.unitCode,
          submission_version: data.submissionVersion,
          total: data.total,
          classification: data.classification,
          on_time: data.onTime,
          reviewed_values: JSON.stringify(
            Object.fromEntries(
              (data.reviewedIndicators ?? []).map((r) => [r.indicator, r.reviewedValue]),
            ),
          ),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'period_id', 'unit_code'])
          .doUpdateSet((eb) => ({
            submission_version: eb.ref('excluded.submission_version'),
            total: eb.ref('excluded.total'),
            classification: eb.ref('excluded.classification'),
            on_time: eb.ref('excluded.on_time'),
            reviewed_values: eb.ref('excluded.reviewed_values'),
          }))
          .where('scorecards.submission_version', '<=', (eb) =>
            eb.ref('excluded.submission_version'),
          ),
      )
      .execute();
  }
}
