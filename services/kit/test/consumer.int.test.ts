import { topicName, type ContestEvent } from '@thidua/schema';
import { Partitioners, type Kafka } from 'kafkajs';
import { sql, type Kysely } from 'kysely';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createBatchConsumer, type BatchConsumer } from '../src/consumer.ts';
import { createKafka, ensureTopics } from '../src/kafka.ts';
import type { KitTables } from '../src/kit-tables.ts';
import { createLogger } from '../src/logger.ts';
import { createOutboxRelay, type OutboxRelay } from '../src/outbox-relay.ts';
import {
  openSeenDatabase,
  periodOpened,
  recordSeen,
  until,
  type SeenDatabase,
} from './test-bed.ts';

const namespace = `t-${randomBytes(4).toString('hex')}`;
const schema = `kit_${randomBytes(4).toString('hex')}`;
const groupId = `${namespace}.kit-test`;
const log = createLogger('kit-test', 'silent');

describe('the batch consumer against a real broker and database', () => {
  let kafka: Kafka;
  let db: Kysely<SeenDatabase>;
  let kit: Kysely<KitTables>;
  let relay: OutboxRelay;
  let consumer: BatchConsumer;
  let handled = 0;
  const valid = [periodOpened(), periodOpened(), periodOpened()];

  const startConsumer = async () => {
    consumer = createBatchConsumer<SeenDatabase, 'contest'>({
      kafka,
      db,
      groupId,
      topics: ['contest'],
      namespace,
      log,
      handle: async (events, { trx }) => {
        handled += events.length;
        await recordSeen(trx, events);
      },
      onOutboxWritten: () => relay.wake(),
    });
    await consumer.start();
  };

  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    ({ db, kit } = await openSeenDatabase(databaseUrl, schema));
    kafka = createKafka(inject('kafkaBrokers'), 'kit-test', log);
    await ensureTopics(kafka, namespace);
    relay = createOutboxRelay({ kafka, db: kit, schema, namespace, log });
    await relay.start();

    // Valid events, one of them published twice, and three messages no consumer can understand.
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const message = (event: ContestEvent | undefined) => ({
      key: 'cum-2',
      value: JSON.stringify(event),
    });
    const [first, second, third] = [message(valid[0]), message(valid[1]), message(valid[2])];
    await producer.send({
      topic: topicName(namespace, 'contest'),
      messages: [
        first,
        { key: 'cum-2', value: '{not json' },
        second,
        { key: 'cum-2', value: JSON.stringify({ ...valid[0], id: randomUUID(), type: 'Unknown' }) },
        first,
        {
          key: 'cum-2',
          value: JSON.stringify({ ...valid[0], id: randomUUID(), data: { periodId: 'H1' } }),
        },
        third,
      ],
    });
    await producer.disconnect();
    await startConsumer();
  });

  afterAll(async () => {
    await consumer.stop();
    await relay.stop();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  });

  test('applies each valid event once, even when it was published twice', async () => {
    const rows = await until(async () => {
      const seen = await db.selectFrom('seen').select('event_id').execute();
      return seen.length === 3 ? seen : undefined;
    });
    expect(rows.map((r) => r.event_id).sort()).toEqual(valid.map((e) => e.id).sort());
    expect(handled).toBe(3);
  });

  test('sends each message it cannot understand to the dead-letter topic with the reason and origin', async () => {
    const letters: { reason: string; origin: { topic: string; offset: string } }[] = [];
    const reader = kafka.consumer({ groupId: `${namespace}.dlq-reader` });
    await reader.connect();
    await reader.subscribe({ topic: topicName(namespace, 'dlq'), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        letters.push(JSON.parse(message.value?.toString() ?? '{}') as (typeof letters)[number]);
        return Promise.resolve();
      },
    });
    await until(async () => Promise.resolve(letters.length >= 3 ? true : undefined));
    await reader.disconnect();
    expect(letters.map((l) => l.origin.offset).sort()).toEqual(['1', '3', '5']);
    expect(letters.every((l) => l.origin.topic === topicName(namespace, 'contest'))).toBe(true);
    const reasons = letters.map((l) => l.reason).sort();
    expect(reasons[0]).toMatch(/^invalid JSON/);
    expect(reasons[1]).toMatch(/^invalid PeriodOpened data: periodId/);
    expect(reasons[2]).toBe('unknown event type Unknown');
  });

  test('resumes from the offsets stored in its database when Kafka forgot the committed ones', async () => {
    await consumer.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId, topic: topicName(namespace, 'contest'), earliest: true });
    await admin.disconnect();
    handled = 0;
    const stored = await db.selectFrom('consumer_offsets').select('next_offset').execute();
    expect(stored.map((r) => Number(r.next_offset))).toEqual([7]);

    await startConsumer();
    await until(async () => Promise.resolve(consumer.isReady() ? true : undefined));
    // Give the consumer time to re-read the partition from offset 0; it must apply nothing.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(handled).toBe(0);
    expect(await db.selectFrom('seen').select('event_id').execute()).toHaveLength(3);
  });
});
