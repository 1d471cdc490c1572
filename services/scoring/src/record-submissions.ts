import { chunksOf, newestPerKey } from '@thidua/kit';
import type { EventOf } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { ScoringDatabase } from './database.ts';

/** A submission event and its place in the batch. */
export interface PlacedSubmission {
  event: EventOf<'ResultsSubmitted'>;
  index: number;
}

const keyOf = (clusterCode: string, periodId: string, unitCode: string) =>
  `${clusterCode}/${periodId}/${unitCode}`;

/**
 * Keeps the newest version of each unit's submission in one statement per chunk, and returns the
 * submissions that replaced what was counted. Only a newer version replaces the counted one, so an
 * old event replayed late changes nothing; of two equal versions in one batch the first is kept,
 * as applying them one by one would.
 */
export async function recordSubmissions(
  trx: Transaction<ScoringDatabase>,
  submissions: readonly PlacedSubmission[],
): Promise<PlacedSubmission[]> {
  const newest = newestPerKey(
    submissions,
    ({ event }) => keyOf(event.clusterCode, event.data.periodId, event.data.unitCode),
    ({ event }) => event.data.submissionVersion,
    'first',
  );
  const replaced: PlacedSubmission[] = [];
  for (const chunk of chunksOf([...newest.values()])) {
    const rows = await trx
      .insertInto('submissions')
      .values(
        chunk.map(({ event }) => ({
          cluster_code: event.clusterCode,
          period_id: event.data.periodId,
          unit_code: event.data.unitCode,
          submission_version: event.data.submissionVersion,
          submission: JSON.stringify(event.data),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'period_id', 'unit_code'])
          .doUpdateSet((eb) => ({
            submission_version: eb.ref('excluded.submission_version'),
            submission: eb.ref('excluded.submission'),
          }))
          .where('submissions.submission_version', '<', (eb) =>
            eb.ref('excluded.submission_version'),
          ),
      )
      .returning(['cluster_code', 'period_id', 'unit_code'])
      .execute();
    for (const row of rows) {
      const placed = newest.get(keyOf(row.cluster_code, row.period_id, row.unit_code));
      if (placed !== undefined) replaced.push(placed);
    }
  }
  return replaced;
}
