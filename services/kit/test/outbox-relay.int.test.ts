import { topicName, type TopicId } from '@thidua/schema';
import { KafkaJSProtocolError, type Kafka, type Producer } from 'kafkajs';
import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createDb, ensureDatabase } from '../src/db.ts';
import { createKafka, ensureTopics } from '../src/kafka.ts';
import type { KitTables } from '../src/kit-tables.ts';
import { createLogger } from '../src/logger.ts';
import { migrateToLatest } from '../src/migrate.ts';
import { appendToOutbox } from '../src/outbox.ts';
import { createOutboxRelay, type OutboxRelay } from '../src/outbox-relay.ts';

const namespace = `t-${randomBytes(4).toString('hex')}`;
const schema = `relay_${randomBytes(4).toString('hex')}`;
const log = createLogger('relay-test', 'silent');

class Rollback extends Error {}

/**
 * The messages of a topic from its start, as text, once `expected` of them arrived and a second more
 * passed, so that anything published twice would show up too.
 */
async function readTopic(
  kafka: Kafka,
  testNamespace: string,
  topic: TopicId,
  expected: number,
): Promise<{ key: string; value: string }[]> {
  const seen: { key: string; value: string }[] = [];
  const reader = kafka.consumer({ groupId: `${testNamespace}.${topic}-reader` });
  await reader.connect();
  try {
    await reader.subscribe({ topic: topicName(testNamespace, topic), fromBeginning: true });
    await reader.run({
      eachMessage: ({ message }) => {
        seen.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
        return Promise.resolve();
      },
    });
    const deadline = Date.now() + 30_000;
    while (seen.length < expected && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await reader.disconnect();
  }
  return seen;
}

/** A new schema with the kit's tables, and the topics of a new namespace. */
async function openTestBed(
  testSchema: string,
  testNamespace: string,
  poolSize: number,
): Promise<{ db: Kysely<KitTables>; kafka: Kafka }> {
  const databaseUrl = inject('databaseUrl');
  await ensureDatabase(databaseUrl);
  const db = createDb<KitTables>(databaseUrl, testSchema, poolSize);
  await migrateToLatest(db, testSchema, {});
  const kafka = createKafka(inject('kafkaBrokers'), 'relay-test', log);
  await ensureTopics(kafka, testNamespace);
  return { db, kafka };
}

describe('the outbox relay against a real broker and database', () => {
  let kafka: Kafka;
  let db: Kysely<KitTables>;
  let relay: OutboxRelay;

  beforeAll(async () => {
    ({ db, kafka } = await openTestBed(schema, namespace, 20));
    // A small byte budget makes the relay split its work into many sends.
    relay = createOutboxRelay({
      kafka,
      db,
      schema,
      namespace,
      log,
      batchBytes: 2_000,
      pollMs: 5,
    });
    await relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  });

  test('publishes every committed row exactly once and nothing of 100 rolled-back transactions, while they run in parallel', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await appendToOutbox(trx, [
            {
              topic: 'contest',
              key: `cum-${String(i % 7)}`,
              value: JSON.stringify({ n: i, pad: 'x'.repeat(2_000) }),
            },
          ]);
          relay.wake();
          // Hold some transactions open a little, so commits land out of sequence order.
          await new Promise((resolve) => setTimeout(resolve, (i * 37) % 400));
          if (i % 2 === 1) throw new Rollback();
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(100);

    // Anything published twice or rolled back would show up too.
    const seen = (await readTopic(kafka, namespace, 'contest', 100)).map(
      ({ value }) => (JSON.parse(value) as { n: number }).n,
    );

    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
    const unsent = await db
      .selectFrom('outbox')
      .select('seq')
      .where('sent_at', 'is', null)
      .execute();
    expect(unsent).toEqual([]);
  });

  test("publishes one transaction's rows in their order with their exact text, across rounds of the byte budget", async () => {
    // Quotes, backslashes, escaped control characters and Vietnamese: what JSON events carry.
    const values = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({
        n: i,
        note: `Đơn vị "số ${String(i)}" \\ đạt\n\u0000 ${'ạ'.repeat(i * 40)}`,
      }),
    );
    await db.transaction().execute(async (trx) => {
      await appendToOutbox(
        trx,
        values.map((value, i) => ({
          topic: 'scores',
          key: i % 2 === 0 ? 'cum-a' : 'cum-b',
          value,
        })),
      );
    });
    const { rows: stored } = await sql<{ key: string; value: string }>`
      SELECT key, value FROM outbox WHERE topic = 'scores' ORDER BY seq
    `.execute(db);
    expect(stored.map((row) => row.value)).toEqual(values);
    relay.wake();

    const seen = await readTopic(kafka, namespace, 'scores', values.length);

    // Each key keeps its order; together they are exactly the values written.
    for (const key of ['cum-a', 'cum-b']) {
      expect(seen.filter((m) => m.key === key).map((m) => m.value)).toEqual(
        values.filter((_, i) => (i % 2 === 0) === (key === 'cum-a')),
      );
    }
    expect(seen).toHaveLength(values.length);
  });
});

describe('the outbox relay when the broker refuses its producer', () => {
  const refusedNamespace = `t-${randomBytes(4).toString('hex')}`;
  const refusedSchema = `relay_${randomBytes(4).toString('hex')}`;
  let kafka: Kafka;
  let db: Kysely<KitTables>;

  beforeAll(async () => {
    ({ db, kafka } = await openTestBed(refusedSchema, refusedNamespace, 5));
  });

  afterAll(async () => {
    await sql`DROP SCHEMA ${sql.id(refusedSchema)} CASCADE`.execute(db);
    await db.destroy();
  });

  test('an out-of-order sequence answer makes it publish with a new producer, losing no row and doubling none', async () => {
    // What a restarted broker answers a producer whose sequence numbers it no longer accepts: the
    // request is refused, so nothing of it was written.
    const refusal = new KafkaJSProtocolError(
      Object.assign(new Error('The broker received an out of order sequence number'), {
        type: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
        code: 45,
        retriable: false,
      }),
    );
    const made: Producer[] = [];
    const disconnected: number[] = [];
    const fatal: Error[] = [];
    const relay = createOutboxRelay({
      kafka,
      db,
      schema: refusedSchema,
      namespace: refusedNamespace,
      log,
      pollMs: 5,
      onFatal: (error) => fatal.push(error),
      createProducer: (config) => {
        const producer = kafka.producer(config);
        const number = made.push(producer);
        if (number === 1) {
          producer.sendBatch = () => Promise.reject(refusal);
          const disconnect = producer.disconnect.bind(producer);
          producer.disconnect = async () => {
            disconnected.push(number);
            await disconnect();
          };
        }
        return producer;
      },
    });
    const values = Array.from({ length: 20 }, (_, i) => JSON.stringify({ n: i }));
    await db.transaction().execute(async (trx) => {
      await appendToOutbox(
        trx,
        values.map((value) => ({ topic: 'contest', key: 'cum-9', value })),
      );
    });
    await relay.start();

    const seen = await readTopic(kafka, refusedNamespace, 'contest', values.length);
    await relay.stop();

    expect(fatal).toEqual([]);
    expect(made).toHaveLength(2);
    expect(disconnected).toEqual([1]);
    expect(seen.map(({ value }) => value)).toEqual(values);
    const unsent = await db
      .selectFrom('outbox')
      .select('seq')
      .where('sent_at', 'is', null)
      .execute();
    expect(unsent).toEqual([]);
  });
});
