import { topicName } from '@thidua/schema';
import { Partitioners, type Admin, type Kafka } from 'kafkajs';
import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createBatchConsumer, type BatchConsumer } from '../src/consumer.ts';
import { createKafka, ensureTopics } from '../src/kafka.ts';
import { createLogger } from '../src/logger.ts';
import {
  openSeenDatabase,
  periodOpened,
  recordSeen,
  until,
  type SeenDatabase,
} from './test-bed.ts';

const namespace = `t-${randomBytes(4).toString('hex')}`;
const schema = `rebalance_${randomBytes(4).toString('hex')}`;
const groupId = `${namespace}.rebalance-test`;
const log = createLogger('rebalance-test', 'silent');
/** What made a member's consumer crash for good; none is expected. */
const fatal: Error[] = [];

/** `check` as `until` asks it, failing at once when a member crashed: it will not come back. */
const unlessCrashed = (check: () => Promise<boolean>) => async () => {
  if (fatal.length > 0) throw new Error('a member crashed', { cause: fatal[0] });
  return (await check()) ? true : undefined;
};

// A member joining while another is inside a batch puts the group into a rebalance; the busy
// member learns of it from the broker's answer to its closing offset commit or heartbeat. kafkajs
// mends that by rejoining, which it does only if the batch hands the answer on unchanged.
describe('a rebalance that starts while a batch is being applied', () => {
  let kafka: Kafka;
  let admin: Admin;
  let db: Kysely<SeenDatabase>;
  const consumers: BatchConsumer[] = [];
  const events = Array.from({ length: 60 }, (_, i) => periodOpened(`cum-${String(i % 12)}`));

  const startMember = async (onFirstBatch?: () => Promise<void>) => {
    let first = true;
    const consumer = createBatchConsumer<SeenDatabase, 'contest'>({
      kafka,
      db,
      groupId,
      topics: ['contest'],
      namespace,
      log,
      handle: async (batch, { trx }) => {
        if (first && onFirstBatch !== undefined) {
          first = false;
          await onFirstBatch();
        }
        await recordSeen(trx, batch);
      },
      onFatal: (error) => fatal.push(error),
    });
    consumers.push(consumer);
    await consumer.start();
  };

  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    ({ db } = await openSeenDatabase(databaseUrl, schema));
    kafka = createKafka(inject('kafkaBrokers'), 'rebalance-test', log);
    await ensureTopics(kafka, namespace);
    admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: topicName(namespace, 'contest'),
      messages: events.map((event) => ({ key: event.clusterCode, value: JSON.stringify(event) })),
    });
    await producer.disconnect();
  }, 60_000);

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await admin.disconnect();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  });

  test('the busy member rejoins, the newcomer takes partitions, and every event is applied once', async () => {
    const group = async () => (await admin.describeGroups([groupId])).groups[0];
    await startMember(async () => {
      // Inside the first batch: a second member joins, and the batch ends only once the broker
      // has begun the rebalance and kafkajs' heartbeat interval (3 s) has passed, so that the
      // batch's closing heartbeat is sent and meets the rebalance.
      void startMember();
      await until(unlessCrashed(async () => (await group())?.state === 'PreparingRebalance'));
      await new Promise((resolve) => setTimeout(resolve, 3_500));
    });

    await until(
      unlessCrashed(async () => {
        const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM seen`.execute(db);
        return Number(rows[0]?.n) === events.length;
      }),
      60_000,
    );
    await until(
      unlessCrashed(async () => {
        const now = await group();
        return now?.state === 'Stable' && now.members.length === 2;
      }),
      60_000,
    );

    expect(fatal).toEqual([]);
    const seen = await db.selectFrom('seen').select('event_id').execute();
    expect(seen.map((row) => row.event_id).sort()).toEqual(events.map((e) => e.id).sort());
    const processed = await sql<{ n: string }>`
      SELECT count(*) AS n FROM processed_events
    `.execute(db);
    expect(Number(processed.rows[0]?.n)).toBe(events.length);
  }, 120_000);
});
