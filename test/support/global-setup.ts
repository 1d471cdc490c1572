import { ensureBroker, type BrokerHandle } from '@thidua/infra';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

import './provided-context.ts';

let broker: BrokerHandle | null = null;
let dataDir: string | null = null;
let databaseUrl: string | null = null;

/**
 * Drops the run's database and the per-file databases named after it; dropping must not wait on a
 * pool some test forgot to close.
 */
async function dropDatabases(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
      [name, `${name}\\_%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/**
 * One real broker and one fresh database for the integration run. The broker is the one named by
 * KAFKA_BROKERS, one already listening, or a new local one; every test file uses its own topic
 * namespace, so earlier runs' events never mix in.
 */
export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'thidua-test-kafka-'));
  broker = await ensureBroker(dataDir);
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/thidua');
  base.pathname = `/thidua_test_${Date.now().toString(36)}`;
  databaseUrl = base.toString();
  project.provide('kafkaBrokers', broker.brokers);
  project.provide('databaseUrl', databaseUrl);
}

export async function teardown(): Promise<void> {
  await broker?.stop();
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl !== null) await dropDatabases(databaseUrl);
}
