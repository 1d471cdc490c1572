import { clusterKey, pairIn, type ClusterYear } from '@thidua/kit';
import {
  isYearEnd,
  yearOf,
  type ContestEvent,
  type RankingsEvent,
  type ScoresEvent,
} from '@thidua/schema';
import { sql, type Transaction } from 'kysely';
import type { AwardsDatabase } from './database.ts';
import { emptyState, type AwardsState, type KeptScorecard } from './state.ts';

/** The cluster-year whose award sheet an event may change, if any. */
function yearTouched(event: ContestEvent | ScoresEvent | RankingsEvent): ClusterYear | null {
  const { clusterCode } = event;
  switch (event.type) {
    case 'ClusterDefined':
    case 'TieVoteRecorded':
    case 'AwardDecided':
      return { clusterCode, year: event.data.year };
    case 'SchemeAssigned':
      return { clusterCode, year: event.data.scheme.year };
    case 'PeriodClosed':
    case 'StandingsChanged':
    case 'ScorecardComputed':
      return isYearEnd(event.data.periodId)
        ? { clusterCode, year: yearOf(event.data.periodId) }
        : null;
    default:
      return null;
  }
}

/**
 * Reads everything the award sheets of the cluster-years the batch touches need, one query per
 * table with the years as two arrays, after taking the clusters' locks in sorted order.
 */
export async function loadState(
  trx: Transaction<AwardsDatabase>,
  events: readonly (ContestEvent | ScoresEvent | RankingsEvent)[],
): Promise<AwardsState> {
  const state = emptyState();
  const touched = events.flatMap((event) => yearTouched(event) ?? []);
  const years = [...new Map(touched.map((year) => [clusterKey(year), year])).values()];
  if (years.length === 0) return state;

  const locks = [...new Set(years.map((y) => `awards:${y.clusterCode}`))].sort();
  await sql`
    SELECT pg_advisory_xact_lock(hashtext(lock_name)) FROM unnest(${locks}::text[]) AS lock_name
  `.execute(trx);
  const inYears = pairIn(
    ['cluster_code', 'year'],
    years.map((y) => y.clusterCode),
    years.map((y) => y.year),
    'int',
  );
  const keyOf = (row: { cluster_code: string; year: number }) =>
    clusterKey({ clusterCode: row.cluster_code, year: row.year });

  for (const row of await trx.selectFrom('clusters').selectAll().where(inYears).execute()) {
    state.memberCounts.set(keyOf(row), row.member_count);
  }
  for (const row of await trx.selectFrom('rules').selectAll().where(inYears).execute()) {
    state.rules.set(keyOf(row), row.rules);
  }
  for (const row of await trx.selectFrom('closed_years').selectAll().where(inYears).execute()) {
    state.closed.add(keyOf(row));
  }
  for (const row of await trx.selectFrom('standings').selectAll().where(inYears).execute()) {
    state.standings.set(keyOf(row), { revision: row.revision, entries: row.entries });
  }
  for (const row of await trx.selectFrom('scorecards').selectAll().where(inYears).execute()) {
    const cards = state.scorecards.get(keyOf(row)) ?? new Map<string, KeptScorecard>();
    cards.set(row.unit_code, {
      submissionVersion: row.submission_version,
      classification: row.classification,
      disqualified: row.disqualified,
      onTime: row.on_time,
    });
    state.scorecards.set(keyOf(row), cards);
  }
  const votes = await trx.selectFrom('votes').selectAll().where(inYears).orderBy('seq').execute();
  for (const row of votes) {
    state.votes.set(keyOf(row), [...(state.votes.get(keyOf(row)) ?? []), row.vote]);
  }
  const decisions = await trx
    .selectFrom('decisions')
    .selectAll()
    .where(inYears)
    .orderBy('seq')
    .execute();
  for (const row of decisions) {
    state.decisions.set(keyOf(row), [...(state.decisions.get(keyOf(row)) ?? []), row.decision]);
  }
  // Each year's latest sheet, however many revisions it has had.
  const sheets = await trx
    .selectFrom('sheets')
    .select(['cluster_code', 'year', 'revision', 'sheet'])
    .distinctOn(['cluster_code', 'year'])
    .where(inYears)
    .orderBy('cluster_code')
    .orderBy('year')
    .orderBy('revision', 'desc')
    .execute();
  for (const row of sheets) {
    state.sheets.set(keyOf(row), { revision: row.revision, sheet: row.sheet });
  }
  return state;
}
