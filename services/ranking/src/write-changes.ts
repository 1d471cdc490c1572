import { chunksOf } from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { RankingDatabase } from './database.ts';
import type { RankingChanges } from './state.ts';

/** Writes a batch's rows, a statement per table and chunk. */
export async function writeChanges(
  trx: Transaction<RankingDatabase>,
  changes: RankingChanges,
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
  for (const chunk of chunksOf(changes.tieBreaks)) {
    await trx
      .insertInto('tie_breaks')
      .values(
        chunk.map((t) => ({
          cluster_code: t.clusterCode,
          year: t.year,
          tie_breaks: JSON.stringify(t.tieBreaks),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year'])
          .doUpdateSet((eb) => ({ tie_breaks: eb.ref('excluded.tie_breaks') })),
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
  for (const chunk of chunksOf(changes.scorecards)) {
    await trx
      .insertInto('scorecards')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          period_id: s.periodId,
          unit_code: s.scorecard.unitCode,
          submission_version: s.submissionVersion,
          scorecard: JSON.stringify(s.scorecard),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code']).doUpdateSet((eb) => ({
          submission_version: eb.ref('excluded.submission_version'),
          scorecard: eb.ref('excluded.scorecard'),
        })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.standings)) {
    await trx
      .insertInto('standings')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          period_id: s.periodId,
          revision: s.revision,
          changed_at: s.changedAt,
          entries: JSON.stringify(s.entries),
        })),
      )
      .execute();
  }
}
