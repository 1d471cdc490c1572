import { clusterKey, pairIn, type ClusterPeriod, type ClusterYear } from '@thidua/kit';
import { yearOf, type ContestEvent, type ScoresEvent } from '@thidua/schema';
import { sql, type Transaction } from 'kysely';
import type { RankingDatabase } from './database.ts';
import { emptyState, type KeptScorecard, type RankingState } from './state.ts';

const unique = <Key extends ClusterPeriod | ClusterYear>(keys: readonly Key[]): Key[] => [
  ...new Map(keys.map((key) => [clusterKey(key), key])).values(),
];

/**
 * Reads what ranking the periods a batch may make stale takes: the periods opened in the
 * cluster-years whose membership or scheme changes, and for every such period its members, tie-breaks,
 * scorecards and latest standings. One query per table, its parameters two arrays, so a batch costs
 * the same few statements however many periods it touches.
 */
export async function loadState(
  trx: Transaction<RankingDatabase>,
  events: readonly (ContestEvent | ScoresEvent)[],
): Promise<RankingState> {
  const state = emptyState();
  const changedYears: ClusterYear[] = [];
  const named: ClusterPeriod[] = [];
  for (const event of events) {
    const { clusterCode } = event;
    if (event.type === 'ClusterDefined') changedYears.push({ clusterCode, year: event.data.year });
    if (event.type === 'SchemeAssigned') {
      changedYears.push({ clusterCode, year: event.data.scheme.year });
    }
    if (event.type === 'PeriodOpened' || event.type === 'ScorecardComputed') {
      named.push({ clusterCode, periodId: event.data.periodId });
    }
  }
  if (changedYears.length === 0 && named.length === 0) return state;

  // Two instances may hold the scores and the contest partitions of one cluster; one at a time.
  // Both take their clusters' locks in sorted order (unnest keeps it), so neither can deadlock.
  const clusters = [...new Set([...changedYears, ...named].map((key) => key.clusterCode))];
  const locks = clusters.map((code) => `ranking:${code}`).sort();
  await sql`
    SELECT pg_advisory_xact_lock(hashtext(lock_name)) FROM unnest(${locks}::text[]) AS lock_name
  `.execute(trx);

  for (const year of changedYears) state.periods.set(clusterKey(year), []);
  const opened =
    changedYears.length === 0
      ? []
      : await trx
          .selectFrom('periods')
          .select(['cluster_code', 'period_id'])
          .where('cluster_code', 'in', [...new Set(changedYears.map((y) => y.clusterCode))])
          .execute();
  const openedInChangedYears: ClusterPeriod[] = [];
  for (const row of opened) {
    const known = state.periods.get(
      clusterKey({ clusterCode: row.cluster_code, year: yearOf(row.period_id) }),
    );
    if (known === undefined) continue;
    known.push(row.period_id);
    openedInChangedYears.push({ clusterCode: row.cluster_code, periodId: row.period_id });
  }

  const periods = unique([...named, ...openedInChangedYears]);
  const years = unique([
    ...changedYears,
    ...periods.map((p) => ({ clusterCode: p.clusterCode, year: yearOf(p.periodId) })),
  ]);
  const inYears = pairIn(
    ['cluster_code', 'year'],
    years.map((y) => y.clusterCode),
    years.map((y) => y.year),
    'int',
  );
  const periodCodes = periods.map((p) => p.clusterCode);
  const periodIds = periods.map((p) => p.periodId);
  const inPeriods = pairIn(['cluster_code', 'period_id'], periodCodes, periodIds, 'text');

  for (const row of await trx.selectFrom('clusters').selectAll().where(inYears).execute()) {
    state.members.set(clusterKey({ clusterCode: row.cluster_code, year: row.year }), row.members);
  }
  for (const row of await trx.selectFrom('tie_breaks').selectAll().where(inYears).execute()) {
    state.tieBreaks.set(
      clusterKey({ clusterCode: row.cluster_code, year: row.year }),
      row.tie_breaks,
    );
  }
  for (const row of await trx.selectFrom('scorecards').selectAll().where(inPeriods).execute()) {
    const period = clusterKey({ clusterCode: row.cluster_code, periodId: row.period_id });
    const kept = state.scorecards.get(period) ?? new Map<string, KeptScorecard>();
    kept.set(row.unit_code, {
      submissionVersion: row.submission_version,
      scorecard: row.scorecard,
    });
    state.scorecards.set(period, kept);
  }
  // One index lookup per period for its latest revision, however many revisions it has had.
  const candidates = sql<{ cluster_code: string; period_id: string }>`(
    SELECT * FROM unnest(${periodCodes}::text[], ${periodIds}::text[]) AS p(cluster_code, period_id)
  )`;
  const latest = await trx
    .selectFrom(candidates.as('candidate'))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('standings')
          .select(['revision', 'entries'])
          .whereRef('standings.cluster_code', '=', 'candidate.cluster_code')
          .whereRef('standings.period_id', '=', 'candidate.period_id')
          .orderBy('revision', 'desc')
          .limit(1)
          .as('previous'),
      (join) => join.onTrue(),
    )
    .select([
      'candidate.cluster_code',
      'candidate.period_id',
      'previous.revision',
      'previous.entries',
    ])
    .execute();
  for (const row of latest) {
    state.standings.set(clusterKey({ clusterCode: row.cluster_code, periodId: row.period_id }), {
      revision: row.revision,
      entries: row.entries,
    });
  }
  return state;
}
