import { chunksOf } from '@thidua/kit';
import type { EventOf } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { ReportingDatabase } from './database.ts';

/**
 * Keeps every submission version's indicator values, in one statement per chunk. A version is
 * written once: the first event of it wins, in the batch as in the table, as applying the events
 * one by one would.
 */
export async function recordSubmissions(
  trx: Transaction<ReportingDatabase>,
  submissions: readonly EventOf<'ResultsSubmitted'>[],
): Promise<void> {
  const first = new Map<string, EventOf<'ResultsSubmitted'>>();
  for (const event of submissions) {
    const { periodId, unitCode, submissionVersion } = event.data;
    const key = `${event.clusterCode}/${periodId}/${unitCode}/${String(submissionVersion)}`;
    if (!first.has(key)) first.set(key, event);
  }
  for (const chunk of chunksOf([...first.values()])) {
    await trx
      .insertInto('submissions')
      .values(
        chunk.map(({ clusterCode, data }) => ({
          cluster_code: clusterCode,
          period_id: data.periodId,
          unit_code: data.unitCode,
          submission_version: data.submissionVersion,
          indicators: JSON.stringify(data.indicators),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code', 'submission_version']).doNothing(),
      )
      .execute();
  }
}
