// Aids for the tests of services, behind `@thidua/kit/testing` so that no service's runtime
// code can reach them.
import type { PublishedView } from '@thidua/schema';
import { sql, type Migration } from 'kysely';
import { randomBytes } from 'node:crypto';
import { createDb, ensureDatabase } from './db.ts';
import { migrateToLatest } from './migrate.ts';

export { deadLetterBytes } from './consumer.ts';

/**
 * The columns PostgreSQL gives each of `views` once a service's migrations ran, by name, each with
 * its information_schema `data_type`: the shape to compare with each view's declared `columns`.
 * The migrations run in a throwaway schema, dropped afterwards, so the service's own is untouched.
 */
export async function publishedViewColumns(
  databaseUrl: string,
  migrations: Record<string, Migration>,
  views: readonly PublishedView<object>[],
): Promise<Record<string, Record<string, string>>> {
  await ensureDatabase(databaseUrl);
  const schema = `views_${randomBytes(4).toString('hex')}`;
  const db = createDb<unknown>(databaseUrl, schema, 1);
  try {
    await migrateToLatest(db, schema, migrations);
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = ${schema} ORDER BY table_name, ordinal_position
    `.execute(db);
    return Object.fromEntries(
      views.map((view) => [
        view.name,
        Object.fromEntries(
          rows
            .filter((row) => row.table_name === view.name)
            .map((row) => [row.column_name, row.data_type]),
        ),
      ]),
    );
  } finally {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  }
}
