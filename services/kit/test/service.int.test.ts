import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, expect, inject, test } from 'vitest';
import type { CommonSettings } from '../src/config.ts';
import { createDb } from '../src/db.ts';
import { consumerGroupId, createService, type ServiceContext } from '../src/service.ts';
import type { KitTables } from '../src/kit-tables.ts';

const name = `svc_${randomBytes(4).toString('hex')}`;
const namespace = `t-${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  const db = createDb<unknown>(inject('databaseUrl'), 'public', 1);
  await sql`DROP SCHEMA IF EXISTS ${sql.id(name)} CASCADE`.execute(db);
  await db.destroy();
});

async function statusOf(port: number | undefined, path: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${String(port)}${path}`);
  await response.text();
  return response.status;
}

test('a service starts in the kit order: health, migrations, relay, then its part, which decides readiness', async () => {
  const settings: CommonSettings = {
    DATABASE_URL: inject('databaseUrl'),
    KAFKA_BROKERS: inject('kafkaBrokers'),
    TOPIC_NAMESPACE: namespace,
    LOG_LEVEL: 'silent',
  };
  let ready = false;
  const given: ServiceContext<KitTables>[] = [];
  let outboxAtPartStart: unknown[] = [];
  const service = createService<KitTables>({
    name,
    settings,
    migrations: {},
    healthPort: 0,
    async startPart(context) {
      given.push(context);
      // The kit's tables exist and the relay is up before the part starts.
      outboxAtPartStart = await context.db.selectFrom('outbox').selectAll().execute();
      return { isReady: () => ready, stop: () => Promise.resolve() };
    },
  });
  await service.start();
  try {
    const port = service.healthPort();
    expect(await statusOf(port, '/healthz')).toBe(200);
    expect(await statusOf(port, '/readyz')).toBe(503);
    ready = true;
    expect(await statusOf(port, '/readyz')).toBe(200);
    expect(await statusOf(port, '/elsewhere')).toBe(404);
    expect(outboxAtPartStart).toEqual([]);
    expect(given).toHaveLength(1);
    expect(given[0]?.groupId()).toBe(`${namespace}.thidua-${name}`);
    expect(given[0]?.groupId('feed-1')).toBe(`${namespace}.thidua-${name}-feed-1`);
  } finally {
    await service.stop();
  }
  expect(consumerGroupId('', 'scoring')).toBe('thidua-scoring');
});
