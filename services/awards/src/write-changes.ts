import { chunksOf } from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { AwardsDatabase } from './database.ts';
import type { AwardsChanges } from './state.ts';

/** Writes a batch's rows, a statement per table and chunk; votes and decisions in their order. */
export async function writeChanges(
  trx: Transaction<AwardsDatabase>,
  changes: AwardsChanges,
): Promise<void> {
  for (const chunk of chunksOf(changes.clusters)) {
    await trx
      .insertInto('clusters')
      .values(
        chunk.map((c) => ({
          cluster_code: c.clusterCode,
          year: c.year,
          member_count: c.memberCount,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year'])
          .doUpdateSet((eb) => ({ member_count: eb.ref('excluded.member_count') })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.rules)) {
    await trx
      .insertInto('rules')
      .values(
        chunk.map((r) => ({
          cluster_code: r.clusterCode,
          year: r.year,
          rules: JSON.stringify(r.rules),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year'])
          .doUpdateSet((eb) => ({ rules: eb.ref('excluded.rules') })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.closedYears)) {
    await trx
      .insertInto('closed_years')
      .values(chunk.map((c) => ({ cluster_code: c.clusterCode, year: c.year })))
      .onConflict((oc) => oc.columns(['cluster_code', 'year']).doNothing())
      .execute();
  }
  for (const chunk of chunksOf(changes.standings)) {
    await trx
      .insertInto('standings')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          year: s.year,
          revision: s.revision,
          entries: JSON.stringify(s.entries),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'year']).doUpdateSet((eb) => ({
          revision: eb.ref('excluded.revision'),
          entries: eb.ref('excluded.entries'),
        })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.scorecards)) {
    await trx
      .insertInto('scorecards')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          year: s.year,
          unit_code: s.unitCode,
          submission_version: s.submissionVersion,
          classification: s.classification,
          disqualified: s.disqualified,
          on_time: s.onTime,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'year', 'unit_code']).doUpdateSet((eb) => ({
          submission_version: eb.ref('excluded.submission_version'),
          classification: eb.ref('excluded.classification'),
          disqualified: eb.ref('excluded.disqualified'),
          on_time: eb.ref('excluded.on_time'),
        })),
      )
      .execute();
  }
  // One row per statement keeps each cluster-year's votes and decisions in the order recorded.
  for (const v of changes.votes) {
    await trx
      .insertInto('votes')
      .values({ cluster_code: v.clusterCode, year: v.year, vote: JSON.stringify(v.vote) })
      .execute();
  }
  for (const d of changes.decisions) {
    await trx
      .insertInto('decisions')
      .values({ cluster_code: d.clusterCode, year: d.year, decision: JSON.stringify(d.decision) })
      .execute();
  }
  for (const chunk of chunksOf(changes.sheets)) {
    await trx
      .insertInto('sheets')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          year: s.year,
          revision: s.revision,
          sheet: JSON.stringify(s.sheet),
        })),
      )
      .execute();
  }
}
