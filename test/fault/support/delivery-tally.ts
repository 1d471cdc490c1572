import { topicName } from '@thidua/schema';
import type { Admin } from 'kafkajs';
import { sql, type Kysely } from 'kysely';

export type Tally = Record<string, number>;

/** The id of every contest event the gateway wrote, as its outbox holds them. */
export async function gatewayContestIds(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT value::jsonb ->> 'id' AS id FROM gateway.outbox WHERE topic = 'contest'
  `.execute(db);
  return rows.map((row) => row.id);
}

/**
 * Counts that drop when an event is lost and grow when one is applied twice: the contest events
 * each consumer recorded, submission versions summed, rows appended once per event. Counts that
 * depend on how events were cut into batches (derived events, standings revisions) are left out.
 * `contestIds` are passed in because a replay has no gateway whose outbox would list them.
 */
export async function tallyOf(db: Kysely<unknown>, contestIds: readonly string[]): Promise<Tally> {
  const ids = sql`${[...contestIds]}::uuid[]`;
  const applied = (schema: string) =>
    sql`(SELECT count(*) FROM ${sql.table(`${schema}.processed_events`)} WHERE event_id = ANY(${ids}))`;
  const { rows } = await sql<Record<string, string>>`
    SELECT ${applied('scoring')} AS "contest events applied by scoring",
           ${applied('ranking')} AS "contest events applied by ranking",
           ${applied('awards')} AS "contest events applied by awards",
           ${applied('reporting')} AS "contest events applied by reporting",
           (SELECT coalesce(sum(submission_version), 0) FROM scoring.submissions) AS "versions counted by scoring",
           (SELECT coalesce(sum(submission_version), 0) FROM ranking.scorecards) AS "versions counted by ranking",
           (SELECT coalesce(sum(submission_version), 0) FROM reporting.scorecards) AS "versions counted by reporting",
           (SELECT coalesce(sum(submission_version), 0) FROM reporting.submissions) AS "versions kept by reporting",
           (SELECT count(*) FROM scoring.scorecards) AS "scorecards",
           (SELECT count(*) FROM scoring.reviews) AS "reviews",
           (SELECT count(*) FROM scoring.adjustments) AS "bonus and deduction items",
           (SELECT count(*) FROM scoring.pledges) AS "pledges",
           (SELECT count(*) FROM awards.votes) AS "tie votes",
           (SELECT count(*) FROM awards.decisions) AS "award decisions",
           (SELECT count(*) FROM awards.published_award_sheets) AS "award sheets",
           (SELECT count(*) FROM reporting.award_sheets) AS "award sheets counted by reporting",
           (SELECT count(*) FROM reporting.summaries) AS "summaries"
  `.execute(db);
  const counts = Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)] as const);
  return { 'contest events': contestIds.length, ...Object.fromEntries(counts) };
}

/** Lost: what the reference counted and this run did not; duplicated: what this run counted more. */
export function compareTallies(
  reference: Tally,
  run: Tally,
): { lost: number; duplicated: number; differences: string[] } {
  let lost = 0;
  let duplicated = 0;
  const differences: string[] = [];
  for (const key of new Set([...Object.keys(reference), ...Object.keys(run)])) {
    const want = reference[key] ?? 0;
    const got = run[key] ?? 0;
    lost += Math.max(0, want - got);
    duplicated += Math.max(0, got - want);
    if (want !== got) differences.push(`${key}: ${got} instead of ${want}`);
  }
  return { lost, duplicated, differences };
}

/** Every event id each consuming service recorded, whatever its topic. */
export async function eventsProcessed(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT ((SELECT count(*) FROM scoring.processed_events) + (SELECT count(*) FROM ranking.processed_events)
          + (SELECT count(*) FROM awards.processed_events) + (SELECT count(*) FROM reporting.processed_events))::text AS n
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Who publishes each topic (mirrors the services). */
const publishers = {
  contest: 'gateway',
  scores: 'scoring',
  rankings: 'ranking',
  awards: 'awards',
} as const;

/** Messages on the producers' topics beyond their outbox rows: publications repeated after a crash. */
export async function republished(
  db: Kysely<unknown>,
  admin: Admin,
  namespace: string,
): Promise<number> {
  let extra = 0;
  for (const [topic, schema] of Object.entries(publishers) as [keyof typeof publishers, string][]) {
    const offsets = await admin.fetchTopicOffsets(topicName(namespace, topic));
    const onTopic = offsets.reduce((n, { high }) => n + Number(high), 0);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM ${sql.table(`${schema}.outbox`)} WHERE topic = ${topic}
    `.execute(db);
    extra += onTopic - Number(rows[0]?.n ?? 0);
  }
  return extra;
}
