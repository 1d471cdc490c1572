import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createDb, ensureDatabase } from '../src/db.ts';
import { kitMigrations } from '../src/kit-migrations.ts';
import { migrateToLatest } from '../src/migrate.ts';

describe('migrations against a real database', () => {
  let databaseUrl: string;
  const schemas: string[] = [];

  beforeAll(async () => {
    databaseUrl = inject('databaseUrl');
    await ensureDatabase(databaseUrl);
  });

  afterAll(async () => {
    const db = createDb<unknown>(databaseUrl, 'public', 1);
    for (const schema of schemas) {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
    }
    await db.destroy();
  });

  // Two instances of a service start together (a scaled deployment, the fault suite's pairs), each
  // with its own pool, and both find the schema missing.
  test('instances migrating a new schema at the same moment all start, and each migration runs once', async () => {
    for (let round = 0; round < 5; round += 1) {
      const schema = `migrate_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      const instances = Array.from({ length: 4 }, () => createDb<unknown>(databaseUrl, schema, 1));
      try {
        const outcomes = await Promise.allSettled(
          instances.map((db) => migrateToLatest(db, schema, {})),
        );
        expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
        const applied = await sql<{ name: string }>`
          SELECT name FROM ${sql.table(`${schema}.kysely_migration`)} ORDER BY name
        `.execute(instances[0] as Kysely<unknown>);
        expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(kitMigrations).sort());
      } finally {
        await Promise.all(instances.map((db) => db.destroy()));
      }
    }
  });
});
