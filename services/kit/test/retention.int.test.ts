import { topicName } from '@thidua/schema';
import { Partitioners, type Kafka } from 'kafkajs';
import { sql, type Kysely } from 'kysely';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createBatchConsumer, type BatchConsumer } from '../src/consumer.ts';
import { createKafka, ensureTopics } from '../src/kafka.ts';
import type { KitTables } from '../src/kit-tables.ts';
import { createLogger } from '../src/logger.ts';
import { createServiceMetrics } from '../src/metrics.ts';
import { deliveryRetentionMs, pruneDelivery, topicRetentionMs } from '../src/retention.ts';
import {
  openSeenDatabase,
  periodOpened,
  recordSeen,
  until,
  type SeenDatabase,
} from './test-bed.ts';

const namespace = `t-${randomBytes(4).toString('hex')}`;
const schema = `kit_${randomBytes(4).toString('hex')}`;
const log = createLogger('retention-test', 'silent');
const day = 24 * 60 * 60 * 1000;

const count = async (db: Kysely<SeenDatabase>, query: string) =>
  Number((await sql<{ n: string }>`${sql.raw(query)}`.execute(db)).rows[0]?.n);

describe('pruning delivery rows after their retention', () => {
  let kafka: Kafka;
  let db: Kysely<SeenDatabase>;
  let kit: Kysely<KitTables>;
  let consumer: BatchConsumer;
  const metrics = createServiceMetrics('retention-test', {
    outboxBacklog: () => Promise.resolve(0),
    relayStalledSeconds: () => 0,
  });
  let handled = 0;

  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    ({ db, kit } = await openSeenDatabase(databaseUrl, schema));
    kafka = createKafka(inject('kafkaBrokers'), 'retention-test', log);
    await ensureTopics(kafka, namespace);
    consumer = createBatchConsumer<SeenDatabase, 'contest'>({
      kafka,
      db,
      groupId: `${namespace}.retention-test`,
      topics: ['contest'],
      namespace,
      log,
      metrics,
      handle: async (events, { trx }) => {
        handled += events.length;
        await recordSeen(trx, events);
      },
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  });

  test('by default ids live as long as the topics keep events, and a day', async () => {
    const topicsMs = await topicRetentionMs(kafka, namespace);
    expect(topicsMs === -1 || topicsMs > 0).toBe(true);
    expect(deliveryRetentionMs(undefined, 7 * day)).toBe(8 * day);
    expect(deliveryRetentionMs(undefined, -1)).toBeNull();
    expect(deliveryRetentionMs(30 * day, 7 * day)).toBe(30 * day);
    expect(() => deliveryRetentionMs(day, 7 * day)).toThrow(/shorter than the topics keep events/);
    expect(() => deliveryRetentionMs(30 * day, -1)).toThrow(/forever/);
  });

  test('a duplicate inside the retention is still dropped; old rows go, dead letters stay', async () => {
    const event = periodOpened('cum-r');
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const publish = () =>
      producer.send({
        topic: topicName(namespace, 'contest'),
        messages: [{ key: 'cum-r', value: JSON.stringify(event) }],
      });
    await publish();
    await until(async () =>
      (await db.selectFrom('seen').selectAll().execute()).length === 1 ? true : undefined,
    );

    // Rows of ten days ago: a processed id, a sent event, a sent dead letter, an unsent row.
    const old = new Date(Date.now() - 10 * day);
    await sql`INSERT INTO processed_events (event_id, processed_at) VALUES (${randomUUID()}, ${old})`.execute(
      db,
    );
    await sql`
      INSERT INTO outbox (topic, key, value, created_at, sent_at) VALUES
        ('scores', 'cum-r', '{}', ${old}, ${old}),
        ('dlq', 'cum-r', '{}', ${old}, ${old}),
        ('scores', 'cum-r', '{}', ${old}, NULL)
    `.execute(db);

    const pruned = await pruneDelivery(kit, new Date(Date.now() - 8 * day));
    expect(pruned).toMatchObject({ outbox: 1, processedEvents: 1 });
    expect(await count(db, 'SELECT count(*) AS n FROM processed_events')).toBe(1);
    expect(await count(db, `SELECT count(*) AS n FROM outbox WHERE topic = 'dlq'`)).toBe(1);
    expect(await count(db, 'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL')).toBe(1);

    // The same event published again, as a relay that crashed after its send would.
    await publish();
    await producer.disconnect();
    await until(async () =>
      (await count(db, 'SELECT max(next_offset) AS n FROM consumer_offsets')) === 2
        ? true
        : undefined,
    );
    expect(handled).toBe(1);
    const duplicates = await metrics.eventsDuplicate.get();
    const byEventId = duplicates.values.find((v) => v.labels.reason === 'event_id');
    expect(byEventId?.value).toBe(1);
  });

  test('pruning a year of rows goes in bounded chunks beside running batches', async () => {
    const rows = 200_000;
    const longAgo = new Date(Date.now() - 365 * day);
    const inserting = performance.now();
    await sql`
      INSERT INTO processed_events (event_id, processed_at)
      SELECT gen_random_uuid(), ${longAgo}::timestamptz + n * interval '150 ms' FROM generate_series(1, ${rows}) AS n
    `.execute(db);
    await sql`
      INSERT INTO outbox (topic, key, value, created_at, sent_at)
      SELECT 'scores', 'cum-' || (n % 500), repeat('x', 400), ${longAgo}::timestamptz + n * interval '150 ms',
             ${longAgo}::timestamptz + n * interval '150 ms' FROM generate_series(1, ${rows}) AS n
    `.execute(db);
    const insertedMs = performance.now() - inserting;

    // A batch as the consumer writes one: new ids, outbox rows and the stored offset, in one transaction.
    let batchNumber = 0;
    const batch = async () => {
      const started = performance.now();
      batchNumber += 1;
      await db.transaction().execute(async (trx) => {
        const ids = Array.from({ length: 100 }, () => randomUUID());
        await sql`INSERT INTO processed_events (event_id) SELECT unnest(${ids}::uuid[]) ON CONFLICT (event_id) DO NOTHING`.execute(
          trx,
        );
        await sql`INSERT INTO outbox (topic, key, value) SELECT 'scores', 'cum-r', repeat('y', 400) FROM generate_series(1, 20)`.execute(
          trx,
        );
        await sql`
          INSERT INTO consumer_offsets (group_id, topic, partition, next_offset)
          VALUES ('timing', 'contest', 0, ${batchNumber})
          ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset
        `.execute(trx);
      });
      return performance.now() - started;
    };
    const baseline: number[] = [];
    for (let i = 0; i < 50; i++) baseline.push(await batch());

    const during: number[] = [];
    const progress = { pruning: true };
    const started = performance.now();
    const prune = pruneDelivery(kit, new Date(Date.now() - 30 * day)).finally(() => {
      progress.pruning = false;
    });
    while (progress.pruning) during.push(await batch());
    const result = await prune;
    const pruneMs = performance.now() - started;

    expect(result.outbox).toBe(rows);
    expect(result.processedEvents).toBe(rows);
    // 5000 rows a statement: each chunk a short transaction of its own.
    expect(result.chunks).toBeGreaterThanOrEqual((2 * rows) / 5000);
    expect(during.length).toBeGreaterThan(0);
    const stats = (ms: number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
    };
    console.log(
      `[retention] inserted ${2 * rows} rows in ${(insertedMs / 1000).toFixed(1)} s; pruned them in ` +
        `${result.chunks} chunks in ${(pruneMs / 1000).toFixed(1)} s; ` +
        `batches before: ${stats(baseline)} (${baseline.length}); during pruning: ${stats(during)} (${during.length})`,
    );
  }, 180_000);
});
