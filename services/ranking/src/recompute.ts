import {
  chunksOf,
  derivedEventId,
  pairIn,
  type BatchContext,
  type ClusterPeriod,
  type Stale,
} from '@thidua/kit';
import { makeEvent, yearOf, type StandingEntry, type TieBreak } from '@thidua/schema';
import { sql, type Insertable } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import type { RankingDatabase } from './database.ts';
import { rankUnits, type RankableScorecard } from './rank-units.ts';

const defaultTieBreaks: TieBreak[] = ['CRITERIA_SUM', 'DEDUCTIONS', 'SUBMITTED_AT'];

const periodKey = (clusterCode: string, periodId: string) => `${clusterCode}/${periodId}`;
const yearKey = (clusterCode: string, year: number) => `${clusterCode}/${String(year)}`;

/** Movement is relative to the previous standings, so it does not by itself make a change. */
const withoutMovement = (entries: readonly StandingEntry[]) =>
  entries.map((entry) => ({ ...entry, movement: null }));

/**
 * Works out the standings of every stale period of the batch and, for each that differs from the
 * latest kept, keeps them as a new revision and emits StandingsChanged. What the periods need is
 * read with one query per table and the new revisions are written together, so a batch costs the
 * same few statements however many periods it touched.
 */
export async function recompute(
  { trx, emit }: BatchContext<RankingDatabase>,
  stale: readonly Stale<ClusterPeriod>[],
): Promise<void> {
  if (stale.length === 0) return;
  // Two instances may hold the scores and the contest partitions of one cluster; one at a time.
  // Both take their clusters' locks in sorted order (unnest keeps it), so neither can deadlock.
  const locks = [...new Set(stale.map((s) => `ranking:${s.clusterCode}`))].sort();
  await sql`
    SELECT pg_advisory_xact_lock(hashtext(lock_name)) FROM unnest(${locks}::text[]) AS lock_name
  `.execute(trx);

  const clusterCodes = stale.map((s) => s.clusterCode);
  const periodIds = stale.map((s) => s.periodId);
  const years = stale.map((s) => yearOf(s.periodId));
  // Arrays keep each statement's parameters at two however many periods are stale.
  const stalePeriods = sql<{ cluster_code: string; period_id: string }>`(
    SELECT * FROM unnest(${clusterCodes}::text[], ${periodIds}::text[]) AS p(cluster_code, period_id)
  )`;
  const inStalePeriods = pairIn(['cluster_code', 'period_id'], clusterCodes, periodIds, 'text');
  const inStaleYears = pairIn(['cluster_code', 'year'], clusterCodes, years, 'int');

  const clusters = await trx
    .selectFrom('clusters')
    .select(['cluster_code', 'year', 'members'])
    .where(inStaleYears)
    .execute();
  const tieBreaks = await trx
    .selectFrom('tie_breaks')
    .select(['cluster_code', 'year', 'tie_breaks'])
    .where(inStaleYears)
    .execute();
  const scorecards = await trx
    .selectFrom('scorecards')
    .select(['cluster_code', 'period_id', 'scorecard'])
    .where(inStalePeriods)
    .execute();
  // One index lookup per period for its latest revision, however many revisions it has had.
  const latest = await trx
    .selectFrom(stalePeriods.as('stale'))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('standings')
          .select(['revision', 'entries'])
          .whereRef('standings.cluster_code', '=', 'stale.cluster_code')
          .whereRef('standings.period_id', '=', 'stale.period_id')
          .orderBy('revision', 'desc')
          .limit(1)
          .as('previous'),
      (join) => join.onTrue(),
    )
    .select(['stale.cluster_code', 'stale.period_id', 'previous.revision', 'previous.entries'])
    .execute();

  const membersOf = new Map(clusters.map((c) => [yearKey(c.cluster_code, c.year), c.members]));
  const tieBreaksOf = new Map(
    tieBreaks.map((t) => [yearKey(t.cluster_code, t.year), t.tie_breaks]),
  );
  const scorecardsOf = new Map<string, RankableScorecard[]>();
  for (const row of scorecards) {
    const key = periodKey(row.cluster_code, row.period_id);
    const group = scorecardsOf.get(key);
    if (group === undefined) scorecardsOf.set(key, [row.scorecard]);
    else group.push(row.scorecard);
  }
  const previousOf = new Map(latest.map((p) => [periodKey(p.cluster_code, p.period_id), p]));

  const revisions: Insertable<RankingDatabase['standings']>[] = [];
  for (const { clusterCode, periodId, causationId, causedAt } of stale) {
    const year = yearOf(periodId);
    const members = membersOf.get(yearKey(clusterCode, year));
    if (members === undefined) continue;
    const previous = previousOf.get(periodKey(clusterCode, periodId));
    const entries = rankUnits(
      members.map((m) => ({ unitCode: m.unitCode, name: m.name })),
      scorecardsOf.get(periodKey(clusterCode, periodId)) ?? [],
      tieBreaksOf.get(yearKey(clusterCode, year)) ?? defaultTieBreaks,
      previous?.entries ?? null,
    );
    if (
      previous !== undefined &&
      isDeepStrictEqual(withoutMovement(previous.entries), withoutMovement(entries))
    ) {
      continue;
    }
    const revision = (previous?.revision ?? 0) + 1;
    revisions.push({
      cluster_code: clusterCode,
      period_id: periodId,
      revision,
      changed_at: causedAt,
      entries: JSON.stringify(entries),
    });
    emit(
      makeEvent('StandingsChanged', {
        id: derivedEventId('StandingsChanged', clusterCode, periodId, String(revision)),
        occurredAt: causedAt,
        source: 'ranking',
        clusterCode,
        causationId,
        data: { periodId, revision, entries },
      }),
    );
  }
  for (const chunk of chunksOf(revisions)) {
    await trx.insertInto('standings').values(chunk).execute();
  }
}
