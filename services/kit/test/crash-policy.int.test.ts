import { makeEvent, topicName } from '@thidua/schema';
import { Partitioners } from 'kafkajs';
import { sql } from 'kysely';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createConsumingService } from '../src/consuming-service.ts';
import { createDb } from '../src/db.ts';
import { createKafka } from '../src/kafka.ts';
import type { KitTables } from '../src/kit-tables.ts';
import { createLogger } from '../src/logger.ts';

const suffix = randomBytes(4).toString('hex');
const namespace = `t-${suffix}`;
const name = `crash_${suffix}`;

describe('a consumer whose handler throws', () => {
  const failures: Error[] = [];
  const service = createConsumingService<KitTables, 'contest'>({
    name,
    settings: {
      DATABASE_URL: inject('databaseUrl'),
      KAFKA_BROKERS: inject('kafkaBrokers'),
      TOPIC_NAMESPACE: namespace,
      LOG_LEVEL: 'silent',
    },
    healthPort: 0,
    migrations: {},
    topics: ['contest'],
    handle: (events) =>
      events.length > 0 ? Promise.reject(new Error('a bug in the handler')) : Promise.resolve(),
  });
  service.onFailure((error) => failures.push(error));

  afterAll(async () => {
    await service.stop();
    const cleanup = createDb<unknown>(inject('databaseUrl'), 'public', 1);
    await sql`DROP SCHEMA ${sql.id(name)} CASCADE`.execute(cleanup);
    await cleanup.destroy();
  });

  test('is not replayed for ever: the consumer stops, /healthz answers 503 and the service fails once', async () => {
    await service.start();
    const health = (path: string) =>
      fetch(`http://127.0.0.1:${String(service.healthPort())}${path}`).then((r) => r.status);
    expect(await health('/healthz')).toBe(200);

    const kafka = createKafka(inject('kafkaBrokers'), 'crash-test', createLogger('t', 'silent'));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const event = makeEvent('PeriodOpened', {
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      source: 'test',
      clusterCode: 'cum-c',
      causationId: null,
      data: { periodId: '2023-H1', deadline: '2023-07-10T17:00:00+07:00' },
    });
    const sent = performance.now();
    await producer.send({
      topic: topicName(namespace, 'contest'),
      messages: [{ key: 'cum-c', value: JSON.stringify(event) }],
    });
    await producer.disconnect();

    const deadline = Date.now() + 30_000;
    while ((await health('/healthz')) === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failedAfterMs = performance.now() - sent;
    expect(await health('/healthz')).toBe(503);
    expect(await health('/readyz')).toBe(503);
    expect(failures).toHaveLength(1);
    expect(service.failure()?.message).toContain('a bug in the handler');
    // Nothing of the batch was kept: its transaction rolled back, its offset is not stored.
    const { rows } = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM processed_events) + (SELECT count(*) FROM consumer_offsets) AS n
    `.execute(service.db);
    expect(Number(rows[0]?.n)).toBe(0);
    console.log(`[crash-policy] handler error to /healthz 503 in ${failedAfterMs.toFixed(0)} ms`);
  }, 90_000);
});
