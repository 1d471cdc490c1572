import { insertRows, upsertRows } from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { AwardsDatabase } from './database.ts';
import type { AwardsChanges } from './state.ts';

const clusterYear = ['cluster_code', 'year'] as const;

/** Writes a batch's rows, a statement per table and chunk; votes and decisions in their order. */
export async function writeChanges(
  trx: Transaction<AwardsDatabase>,
  changes: AwardsChanges,
): Promise<void> {
  await upsertRows(
    trx,
    'clusters',
    clusterYear,
    changes.clusters.map((c) => ({
      cluster_code: c.clusterCode,
      year: c.year,
      member_count: c.memberCount,
    })),
  );
  await upsertRows(
    trx,
    'rules',
    clusterYear,
    changes.rules.map((r) => ({
      cluster_code: r.clusterCode,
      year: r.year,
      rules: JSON.stringify(r.rules),
    })),
  );
  await upsertRows(
    trx,
    'closed_years',
    clusterYear,
    changes.closedYears.map((c) => ({ cluster_code: c.clusterCode, year: c.year })),
    'keep',
  );
  await upsertRows(
    trx,
    'standings',
    clusterYear,
    changes.standings.map((s) => ({
      cluster_code: s.clusterCode,
      year: s.year,
      revision: s.revision,
      entries: JSON.stringify(s.entries),
    })),
  );
  await upsertRows(
    trx,
    'scorecards',
    [...clusterYear, 'unit_code'],
    changes.scorecards.map((s) => ({
      cluster_code: s.clusterCode,
      year: s.year,
      unit_code: s.unitCode,
      submission_version: s.submissionVersion,
      classification: s.classification,
      disqualified: s.disqualified,
      on_time: s.onTime,
    })),
  );
  // One row a statement numbers each cluster-year's votes and decisions in the order recorded.
  const oneAtATime = 1;
  await insertRows(
    trx,
    'votes',
    changes.votes.map((v) => ({
      cluster_code: v.clusterCode,
      year: v.year,
      vote: JSON.stringify(v.vote),
    })),
    oneAtATime,
  );
  await insertRows(
    trx,
    'decisions',
    changes.decisions.map((d) => ({
      cluster_code: d.clusterCode,
      year: d.year,
      decision: JSON.stringify(d.decision),
    })),
    oneAtATime,
  );
  await insertRows(
    trx,
    'sheets',
    changes.sheets.map((s) => ({
      cluster_code: s.clusterCode,
      year: s.year,
      revision: s.revision,
      sheet: JSON.stringify(s.sheet),
    })),
  );
}
