import { dumpReadModels, type ReadModelDump } from '@thidua/infra';
import { topicName, type TopicId } from '@thidua/schema';
import type { Admin } from 'kafkajs';
import { sql, type Kysely } from 'kysely';

/** The topics each consuming service reads (as its `create…Service` subscribes them). */
export const consumedTopics = {
  scoring: ['contest'],
  ranking: ['contest', 'scores'],
  awards: ['contest', 'scores', 'rankings'],
  reporting: ['contest', 'scores', 'awards'],
} as const satisfies Record<string, readonly TopicId[]>;

export type ConsumingServiceName = keyof typeof consumedTopics;
export const consumingServiceNames = Object.keys(consumedTopics) as ConsumingServiceName[];

async function schemaExists(db: Kysely<unknown>, schema: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`
    SELECT to_regclass(${`${schema}.outbox`})::text AS found
  `.execute(db);
  return rows[0]?.found != null;
}

/**
 * What is still to do: outbox rows not yet published, and partitions a service has not read to the
 * end. Empty once every event has gone all the way through. A dump that holds still for a second
 * is not enough on its own: a consumer retrying a failing batch, or a group waiting out a dead
 * member's session, holds still too.
 */
async function pendingWork(
  db: Kysely<unknown>,
  admin: Admin,
  namespace: string,
): Promise<string[]> {
  const pending: string[] = [];
  for (const schema of ['gateway', ...consumingServiceNames]) {
    if (!(await schemaExists(db, schema))) {
      if (schema !== 'gateway') pending.push(`${schema}: not migrated yet`);
      continue;
    }
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM ${sql.table(`${schema}.outbox`)} WHERE sent_at IS NULL
    `.execute(db);
    const unsent = Number(rows[0]?.n ?? 0);
    if (unsent > 0) pending.push(`${schema}: ${unsent} outbox rows unsent`);
  }
  if (pending.length > 0) return pending;
  for (const service of consumingServiceNames) {
    const { rows } = await sql<{ topic: string; partition: number; next_offset: string }>`
      SELECT topic, partition, next_offset::text FROM ${sql.table(`${service}.consumer_offsets`)}
    `.execute(db);
    for (const topic of consumedTopics[service]) {
      const name = topicName(namespace, topic);
      for (const { partition, high } of await admin.fetchTopicOffsets(name)) {
        const stored = rows.find((r) => r.topic === name && r.partition === partition);
        const next = BigInt(stored?.next_offset ?? 0);
        if (next < BigInt(high)) {
          pending.push(`${service}: ${topic}/${partition} at ${next} of ${high}`);
        }
      }
    }
  }
  return pending;
}

export interface SettleOptions {
  timeoutMs?: number;
  /** How long the dump must hold still once nothing is pending. */
  quietMs?: number;
}

/**
 * Waits until nothing is pending, then takes the dump twice `quietMs` apart and returns it once
 * both agree. Throws with what was still pending when the time is up.
 */
export async function settledDump(
  db: Kysely<unknown>,
  admin: Admin,
  namespace: string,
  { timeoutMs = 90_000, quietMs = 500 }: SettleOptions = {},
): Promise<ReadModelDump> {
  const deadline = Date.now() + timeoutMs;
  // Right after a broker restart the admin client's metadata may be stale for a moment: a failed
  // look counts as work still pending, and is reported if the time runs out.
  const pendingNow = () =>
    pendingWork(db, admin, namespace).catch((error: unknown) => [String(error)]);
  for (;;) {
    const pending = await pendingNow();
    if (pending.length === 0) {
      const first = await dumpReadModels(db);
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const second = await dumpReadModels(db);
      const still = await pendingNow();
      if (first.hashes.all === second.hashes.all && still.length === 0) return first;
      pending.push(...still, 'the dump moved');
    }
    if (Date.now() > deadline) {
      throw new Error(`the system did not settle within ${timeoutMs} ms: ${pending.join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
