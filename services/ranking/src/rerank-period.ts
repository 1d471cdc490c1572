import { derivedEventId, type BatchContext } from '@thidua/kit';
import { makeEvent, type StandingEntry, type TieBreak } from '@thidua/schema';
import { sql } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import type { StaleStandings } from './apply-event.ts';
import type { RankingDatabase } from './database.ts';
import { rankUnits } from './rank-units.ts';

const defaultTieBreaks: TieBreak[] = ['CRITERIA_SUM', 'DEDUCTIONS', 'SUBMITTED_AT'];

/** Movement is relative to the previous standings, so it does not by itself make a change. */
const withoutMovement = (entries: readonly StandingEntry[]) =>
  entries.map((entry) => ({ ...entry, movement: null }));

/**
 * Works out a period's standings once for the batch and, when they differ from the latest kept,
 * keeps them as a new revision and emits StandingsChanged.
 */
export async function rerankPeriod(
  { trx, emit }: BatchContext<RankingDatabase>,
  stale: StaleStandings,
): Promise<void> {
  const { clusterCode, periodId } = stale;
  const year = Number(periodId.slice(0, 4));
  // Two instances may hold the scores and the contest partitions of one cluster; one at a time.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`ranking:${clusterCode}`}))`.execute(trx);

  const cluster = await trx
    .selectFrom('clusters')
    .select('members')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  if (cluster === undefined) return;
  const tieBreaks = await trx
    .selectFrom('tie_breaks')
    .select('tie_breaks')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const scorecards = await trx
    .selectFrom('scorecards')
    .select('scorecard')
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', periodId)
    .execute();
  const previous = await trx
    .selectFrom('standings')
    .select(['revision', 'entries'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', periodId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();

  const entries = rankUnits(
    cluster.members.map((m) => ({ unitCode: m.unitCode, name: m.name })),
    scorecards.map((row) => row.scorecard),
    tieBreaks?.tie_breaks ?? defaultTieBreaks,
    previous?.entries ?? null,
  );
  if (
    previous !== undefined &&
    isDeepStrictEqual(withoutMovement(previous.entries), withoutMovement(entries))
  ) {
    return;
  }
  const revision = (previous?.revision ?? 0) + 1;
  await trx
    .insertInto('standings')
    .values({
      cluster_code: clusterCode,
      period_id: periodId,
      revision,
      changed_at: stale.causedAt,
      entries: JSON.stringify(entries),
    })
    .execute();
  emit(
    makeEvent('StandingsChanged', {
      id: derivedEventId('StandingsChanged', clusterCode, periodId, String(revision)),
      occurredAt: stale.causedAt,
      source: 'ranking',
      clusterCode,
      causationId: stale.causationId,
      data: { periodId, revision, entries },
    }),
  );
}
