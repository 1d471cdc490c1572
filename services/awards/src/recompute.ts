import { derivedEventId, type BatchContext, type ClusterYear, type Stale } from '@thidua/kit';
import { makeEvent } from '@thidua/schema';
import { sql } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import { allocateAwards, type AwardCandidate } from './allocate-awards.ts';
import { awardSheet } from './award-sheet.ts';
import type { AwardsDatabase } from './database.ts';

/**
 * Once a cluster's year-end period is closed, proposes its awards from the final standings and
 * applies the recorded votes and decisions; keeps and emits the sheet when it changed.
 */
export async function recompute(
  { trx, emit }: BatchContext<AwardsDatabase>,
  stale: Stale<ClusterYear>,
): Promise<void> {
  const { clusterCode, year } = stale;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`awards:${clusterCode}`}))`.execute(trx);
  const closed = await trx
    .selectFrom('closed_years')
    .select('year')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const cluster = await trx
    .selectFrom('clusters')
    .select('member_count')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const rules = await trx
    .selectFrom('rules')
    .select('rules')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const standings = await trx
    .selectFrom('standings')
    .select('entries')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  if (
    closed === undefined ||
    cluster === undefined ||
    rules === undefined ||
    standings === undefined
  )
    return;

  const cards = new Map(
    (
      await trx
        .selectFrom('scorecards')
        .selectAll()
        .where('cluster_code', '=', clusterCode)
        .where('year', '=', year)
        .execute()
    ).map((card) => [card.unit_code, card]),
  );
  const candidates: AwardCandidate[] = [];
  for (const entry of standings.entries) {
    if (entry.status !== 'RANKED' || entry.rank === null) continue;
    const card = cards.get(entry.unitCode);
    // Standings and scorecards arrive on different topics; wait until both describe the unit.
    if (card === undefined) return;
    candidates.push({
      unitCode: entry.unitCode,
      rank: entry.rank,
      classification: card.classification,
      disqualified: card.disqualified,
      onTime: card.on_time,
    });
  }
  const votes = await trx
    .selectFrom('votes')
    .select('vote')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .orderBy('seq')
    .execute();
  const decisions = await trx
    .selectFrom('decisions')
    .select('decision')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .orderBy('seq')
    .execute();
  const proposal = allocateAwards(
    candidates,
    cluster.member_count,
    rules.rules,
    votes.map(({ vote }) => vote),
  );
  const sheet = awardSheet(
    proposal,
    decisions.map(({ decision }) => decision),
  );

  const previous = await trx
    .selectFrom('sheets')
    .select(['revision', 'sheet'])
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (previous !== undefined && isDeepStrictEqual(previous.sheet, sheet)) return;
  const revision = (previous?.revision ?? 0) + 1;
  await trx
    .insertInto('sheets')
    .values({ cluster_code: clusterCode, year, revision, sheet: JSON.stringify(sheet) })
    .execute();
  emit(
    makeEvent('AwardsChanged', {
      id: derivedEventId('AwardsChanged', clusterCode, String(year), String(revision)),
      occurredAt: stale.causedAt,
      source: 'awards',
      clusterCode,
      causationId: stale.causationId,
      data: { year, revision, ...sheet },
    }),
  );
}
