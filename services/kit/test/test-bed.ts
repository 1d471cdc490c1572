import { makeEvent, type AnyEvent, type ContestEvent } from '@thidua/schema';
import type { Kysely, Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
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

/** A valid contest event, opening 2023-H1 in `clusterCode`. */
export function periodOpened(clusterCode = 'cum-2'): ContestEvent {
  return makeEvent('PeriodOpened', {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'test',
    clusterCode,
    causationId: null,
    data: { periodId: '2023-H1', deadline: '2023-07-10T17:00:00+07:00' },
  });
}

/** Asks `check` every 100 ms until it gives a value, and returns it; throws after `timeoutMs`. */
export async function until<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
