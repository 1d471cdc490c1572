import { dumpReadModels, type ReadModelDump } from '@thidua/infra';
import { topicName, type TopicId } from '@thidua/schema';
import type { Admin } from 'kafkajs';
import { sql, type Kysely } from 'kysely';

/** What each consuming service reads, and who publishes each topic (mirrors the services). */
const consumed = {
  scoring: ['contest'],
  ranking: ['contest', 'scores'],
  awards: ['contest', 'scores', 'rankings'],
  reporting: ['contest', 'scores', 'awards'],
} as const satisfies Record<string, readonly TopicId[]>;
const publishers = {
  contest: 'gateway',
  scores: 'scoring',
  rankings: 'ranking',
  awards: 'awards',
} as const;
type Published = keyof typeof publishers;

async function highWatermarks(admin: Admin, namespace: string, topic: Published) {
  const offsets = await admin.fetchTopicOffsets(topicName(namespace, topic));
  return offsets.map(({ partition, high }) => ({ partition, high: BigInt(high) }));
}

/**
 * What is still to do: outbox rows not yet published, and partitions a service has not read to the
 * end. Empty once every event has gone all the way through. This, not a dump that holds still for
 * a while, tells that a run is over: a group waiting out a dead member's session stands still too.
 */
export async function pendingWork(
  db: Kysely<unknown>,
  admin: Admin,
  namespace: string,
): Promise<string[]> {
  const pending: string[] = [];
  for (const schema of ['gateway', 'scoring', 'ranking', 'awards', 'reporting']) {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(`${schema}.outbox`)} WHERE sent_at IS NULL
    `.execute(db);
    const unsent = Number(rows[0]?.n ?? 0);
    if (unsent > 0) pending.push(`${schema}: ${unsent} outbox rows unsent`);
  }
  for (const [service, topics] of Object.entries(consumed)) {
    const { rows } = await sql<{ topic: string; partition: number; next_offset: string }>`
      SELECT topic, partition, next_offset FROM ${sql.table(`${service}.consumer_offsets`)}
    `.execute(db);
    for (const topic of topics) {
      const name = topicName(namespace, topic);
      for (const { partition, high } of await highWatermarks(admin, namespace, topic)) {
        const stored = rows.find((r) => r.topic === name && r.partition === partition);
        const next = BigInt(stored?.next_offset ?? 0);
        if (next < high) pending.push(`${service}: ${topic}/${partition} at ${next} of ${high}`);
      }
    }
  }
  return pending;
}

/** Waits until nothing is pending, then takes the dump (twice, to be sure it holds still). */
export async function settledDump(
  db: Kysely<unknown>,
  admin: Admin,
  namespace: string,
  timeoutMs: number,
): Promise<ReadModelDump> {
  const deadline = Date.now() + timeoutMs;
  let pending: string[] = [];
  for (;;) {
    // Right after a broker restart the admin client's metadata may be stale for a moment.
    pending = await pendingWork(db, admin, namespace).catch((error: unknown) => [String(error)]);
    if (pending.length === 0) {
      const first = await dumpReadModels(db);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await dumpReadModels(db);
      if (first.hashes.all === second.hashes.all) return first;
    }
    if (Date.now() > deadline) {
      throw new Error(`the run did not settle within ${timeoutMs} ms: ${pending.join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Counts that drop when an event is lost and grow when one is applied twice: contest events each
 * consumer recorded, submission versions counted, rows kept. Counts that depend on batch
 * boundaries (derived events, standings revisions) are left out.
 */
export async function tally(db: Kysely<unknown>): Promise<Record<string, number>> {
  const contestIds = sql`(SELECT value::jsonb ->> 'id' FROM gateway.outbox WHERE topic = 'contest')`;
  const counted = (schema: string) =>
    sql`(SELECT count(*) FROM ${sql.table(`${schema}.processed_events`)}
         WHERE event_id::text IN ${contestIds})`;
  const { rows } = await sql<Record<string, string>>`
    SELECT (SELECT count(*) FROM gateway.outbox WHERE topic = 'contest') AS "contest events",
           ${counted('scoring')} AS "contest events applied by scoring",
           ${counted('ranking')} AS "contest events applied by ranking",
           ${counted('awards')} AS "contest events applied by awards",
           ${counted('reporting')} AS "contest events applied by reporting",
           (SELECT coalesce(sum(submission_version), 0) FROM scoring.submissions) AS "versions counted by scoring",
           (SELECT coalesce(sum(submission_version), 0) FROM ranking.scorecards) AS "versions counted by ranking",
           (SELECT coalesce(sum(submission_version), 0) FROM reporting.scorecards) AS "versions counted by reporting",
           (SELECT count(*) FROM scoring.scorecards) AS "scorecards",
           (SELECT count(*) FROM scoring.adjustments) AS "bonus and deduction items",
           (SELECT count(*) FROM scoring.reviews) AS "reviews",
           (SELECT count(*) FROM awards.published_award_sheets) AS "award sheets",
           (SELECT count(*) FROM reporting.award_sheets) AS "award sheets counted by reporting"
  `.execute(db);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** Lost: what the clean run counted and this one did not; duplicated: what this one counted more. */
export function compareTallies(
  clean: Record<string, number>,
  faulted: Record<string, number>,
): { lost: number; duplicated: number } {
  let lost = 0;
  let duplicated = 0;
  for (const [key, want] of Object.entries(clean)) {
    const got = faulted[key] ?? 0;
    lost += Math.max(0, want - got);
    duplicated += Math.max(0, got - want);
  }
  return { lost, duplicated };
}

/** Events every service recorded as processed (each id once per service). */
export async function eventsProcessed(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT (SELECT count(*) FROM scoring.processed_events) + (SELECT count(*) FROM ranking.processed_events)
         + (SELECT count(*) FROM awards.processed_events) + (SELECT count(*) FROM reporting.processed_events) AS n
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Messages on the producers' topics beyond their outbox rows: publications repeated after a crash. */
export async function republished(
  db: Kysely<unknown>,
  admin: Admin,
  namespace: string,
): Promise<number> {
  let extra = 0;
  for (const [topic, schema] of Object.entries(publishers) as [Published, string][]) {
    const marks = await highWatermarks(admin, namespace, topic);
    const onTopic = marks.reduce((n, { high }) => n + Number(high), 0);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(`${schema}.outbox`)} WHERE topic = ${topic}
    `.execute(db);
    extra += onTopic - Number(rows[0]?.n ?? 0);
  }
  return extra;
}
