import { chunksOf } from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { ReportingDatabase } from './database.ts';
import type { ReportingChanges } from './state.ts';

/** Writes summaries, a cluster's or the one over all clusters, a statement per chunk. */
export async function writeSummaries(
  trx: Transaction<ReportingDatabase>,
  summaries: ReportingChanges['summaries'],
): Promise<void> {
  for (const chunk of chunksOf(summaries)) {
    await trx
      .insertInto('summaries')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          period_id: s.periodId,
          summary: JSON.stringify(s.summary),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'period_id'])
          .doUpdateSet((eb) => ({ summary: eb.ref('excluded.summary') })),
      )
      .execute();
  }
}

/** Writes a batch's rows, a statement per table and chunk. */
export async function writeChanges(
  trx: Transaction<ReportingDatabase>,
  changes: ReportingChanges,
): Promise<void> {
  for (const chunk of chunksOf(changes.clusters)) {
    await trx
      .insertInto('clusters')
      .values(
        chunk.map((c) => ({
          cluster_code: c.clusterCode,
          year: c.year,
          members: JSON.stringify(c.members),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year'])
          .doUpdateSet((eb) => ({ members: eb.ref('excluded.members') })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.schemes)) {
    await trx
      .insertInto('max_totals')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          year: s.year,
          max_total: s.maxTotal,
          roll_ups: JSON.stringify(s.rollUps),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'year']).doUpdateSet((eb) => ({
          max_total: eb.ref('excluded.max_total'),
          roll_ups: eb.ref('excluded.roll_ups'),
        })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.periods)) {
    await trx
      .insertInto('periods')
      .values(chunk.map((p) => ({ cluster_code: p.clusterCode, period_id: p.periodId })))
      .onConflict((oc) => oc.columns(['cluster_code', 'period_id']).doNothing())
      .execute();
  }
  for (const chunk of chunksOf(changes.sheets)) {
    await trx
      .insertInto('award_sheets')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          year: s.year,
          revision: s.revision,
          lines: JSON.stringify(s.lines),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'year']).doUpdateSet((eb) => ({
          revision: eb.ref('excluded.revision'),
          lines: eb.ref('excluded.lines'),
        })),
      )
      .execute();
  }
  // A version outside what was loaded may be kept already; it keeps its first values.
  for (const chunk of chunksOf(changes.submissions)) {
    await trx
      .insertInto('submissions')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          period_id: s.periodId,
          unit_code: s.unitCode,
          submission_version: s.submissionVersion,
          indicators: JSON.stringify(s.indicators),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code', 'submission_version']).doNothing(),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.scorecards)) {
    await trx
      .insertInto('scorecards')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          period_id: s.periodId,
          unit_code: s.unitCode,
          submission_version: s.submissionVersion,
          total: s.total,
          classification: s.classification,
          on_time: s.onTime,
          reviewed_values: JSON.stringify(s.reviewedValues),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code']).doUpdateSet((eb) => ({
          submission_version: eb.ref('excluded.submission_version'),
          total: eb.ref('excluded.total'),
          classification: eb.ref('excluded.classification'),
          on_time: eb.ref('excluded.on_time'),
          reviewed_values: eb.ref('excluded.reviewed_values'),
        })),
      )
      .execute();
  }
  await writeSummaries(trx, changes.summaries);
}
