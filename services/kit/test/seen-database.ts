import type { AnyEvent } from '@thidua/schema';
import type { Kysely, Transaction } from 'kysely';
import { createServiceDb, ensureDatabase } from '../src/db.ts';
import type { KitTables } from '../src/kit-tables.ts';
import { migrateToLatest } from '../src/migrate.ts';

/** The kit's tables and `seen`: one row for each event a test consumer's handler applied. */
export interface SeenDatabase extends KitTables {
  seen: { event_id: string };
}

/** A new schema in the tests' database with the kit's tables and `seen`, and handles on it. */
export async function openSeenDatabase(
  databaseUrl: string,
  schema: string,
): Promise<{ db: Kysely<SeenDatabase>; kit: Kysely<KitTables> }> {
  await ensureDatabase(databaseUrl);
  const handles = createServiceDb<SeenDatabase>(databaseUrl, schema);
  await migrateToLatest(handles.db, schema, {
    '2026-11-23T01-create-seen': {
      async up(migrationDb) {
        await migrationDb.schema
          .createTable('seen')
          .addColumn('event_id', 'uuid', (c) => c.primaryKey())
          .execute();
      },
    },
  });
  return handles;
}

/** A handler's work: records the batch's events (an event applied twice breaks the primary key). */
export async function recordSeen(
  trx: Transaction<SeenDatabase>,
  events: readonly AnyEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('seen')
    .values(events.map((event) => ({ event_id: event.id })))
    .execute();
}
