import { clusterYearColumns, clusterYearKey, insertRows, upsertRows } from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { AwardsDatabase } from './database.ts';
import type { AwardsChanges } from './state.ts';

// One row a statement numbers each cluster-year's votes and decisions in the order recorded.
const inOrder = 1;

/** Writes a batch's rows, a statement per table and chunk; votes and decisions in their order. */
export async function writeChanges(
  trx: Transaction<AwardsDatabase>,
  changes: AwardsChanges,
): Promise<void> {
  const { clusters, rules, closedYears, standings, scorecards, votes, decisions, sheets } = changes;
  await upsertRows(
    trx,
    'clusters',
    clusterYearKey,
    clusters.map((c) => ({ ...clusterYearColumns(c), member_count: c.memberCount })),
  );
  await upsertRows(
    trx,
    'rules',
    clusterYearKey,
    rules.map((r) => ({ ...clusterYearColumns(r), rules: JSON.stringify(r.rules) })),
  );
  await upsertRows(
    trx,
    'closed_years',
    clusterYearKey,
    closedYears.map(clusterYearColumns),
    'keep',
  );
  await upsertRows(
    trx,
    'standings',
    clusterYearKey,
    standings.map(({ revision, entries, ...key }) => ({
      ...clusterYearColumns(key),
      revision,
      entries: JSON.stringify(entries),
    })),
  );
  await upsertRows(
    trx,
    'scorecards',
    [...clusterYearKey, 'unit_code'],
    scorecards.map((s) => ({
      ...clusterYearColumns(s),
      unit_code: s.unitCode,
      submission_version: s.submissionVersion,
      classification: s.classification,
      disqualified: s.disqualified,
      on_time: s.onTime,
    })),
  );
  const voteRows = votes.map((v) => ({ ...clusterYearColumns(v), vote: JSON.stringify(v.vote) }));
  await insertRows(trx, 'votes', voteRows, inOrder);
  const decisionRows = decisions.map((d) => ({
    ...clusterYearColumns(d),
    decision: JSON.stringify(d.decision),
  }));
  await insertRows(trx, 'decisions', decisionRows, inOrder);
  await insertRows(
    trx,
    'sheets',
    sheets.map(({ revision, sheet, ...key }) => ({
      ...clusterYearColumns(key),
      revision,
      sheet: JSON.stringify(sheet),
    })),
  );
}
