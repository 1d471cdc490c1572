import { Partitioners, type EachBatchPayload, type Kafka } from 'kafkajs';
import type pg from 'pg';
import { fail, say, sleep } from './bench-log.ts';

export interface BareResult {
  events: number;
  seconds: number;
  eventsPerSec: number;
  produceSeconds: number;
}

/**
 * The floor: the same events produced to a scratch topic (same partitions, keys, idempotent
 * producer with acks from all replicas, batches of 1000 as the relay sends them), consumed with
 * eachBatch and written to a table, one transaction per batch with the stored offset, no logic.
 */
export async function bareStage(
  kafka: Kafka,
  pool: pg.Pool,
  namespace: string,
  events: { key: string; value: string }[],
): Promise<BareResult> {
  const topic = `${namespace}.bench.bare`;
  const groupId = `${namespace}.bench-bare`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: 6, replicationFactor: 1 }],
  });
  await admin.disconnect();
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS bench;
    CREATE TABLE bench.bare_events (
      partition integer NOT NULL, "offset" bigint NOT NULL, key text NOT NULL, value jsonb NOT NULL,
      PRIMARY KEY (partition, "offset"));
    CREATE TABLE bench.bare_offsets (
      topic text NOT NULL, partition integer NOT NULL, next_offset bigint NOT NULL,
      PRIMARY KEY (topic, partition));
  `);

  let stored = 0;
  let finished: (() => void) | null = null;
  const allStored = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const joined = new Promise<void>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve());
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    say(
      `  bare stage consumer crashed (restart: ${String(payload.restart)}): ${payload.error.message}`,
    );
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async (payload: EachBatchPayload) => {
      const { batch } = payload;
      const last = batch.messages.at(-1);
      if (last === undefined) return;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const offset = await client.query<{ next_offset: string }>(
          'SELECT next_offset FROM bench.bare_offsets WHERE topic = $1 AND partition = $2 FOR UPDATE',
          [batch.topic, batch.partition],
        );
        const from = BigInt(offset.rows[0]?.next_offset ?? '0');
        const messages = batch.messages.filter((m) => BigInt(m.offset) >= from);
        const fresh = messages.length;
        await client.query(
          `INSERT INTO bench.bare_events (partition, "offset", key, value)
           SELECT $1, o, k, v::jsonb FROM unnest($2::bigint[], $3::text[], $4::text[]) AS t(o, k, v)`,
          [
            batch.partition,
            messages.map((m) => m.offset),
            messages.map((m) => m.key?.toString('utf8') ?? ''),
            messages.map((m) => m.value?.toString('utf8') ?? 'null'),
          ],
        );
        await client.query(
          `INSERT INTO bench.bare_offsets (topic, partition, next_offset) VALUES ($1, $2, $3)
           ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset`,
          [batch.topic, batch.partition, (BigInt(last.offset) + 1n).toString()],
        );
        await client.query('COMMIT');
        stored += fresh;
        if (stored >= events.length) finished?.();
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      payload.resolveOffset(last.offset);
      await payload.commitOffsetsIfNecessary({
        topics: [
          {
            topic: batch.topic,
            partitions: [
              { partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
            ],
          },
        ],
      });
      await payload.heartbeat();
    },
  });
  await joined;

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const begin = performance.now();
  const progress = setInterval(() => {
    say(`  bare stage: ${String(stored)}/${String(events.length)} events stored`);
  }, 5000);
  for (let i = 0; i < events.length; i += 1000) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [{ topic, messages: events.slice(i, i + 1000) }],
    });
  }
  const produceSeconds = (performance.now() - begin) / 1000;
  const timeout = sleep(Math.max(60_000, events.length)).then(() => 'timeout' as const);
  const outcome = await Promise.race([allStored.then(() => 'done' as const), timeout]);
  const seconds = (performance.now() - begin) / 1000;
  clearInterval(progress);
  await producer.disconnect();
  await consumer.disconnect();
  if (outcome === 'timeout') {
    fail(`bare stage: ${String(stored)} of ${String(events.length)} events stored`);
  }
  return { events: stored, seconds, eventsPerSec: stored / seconds, produceSeconds };
}
