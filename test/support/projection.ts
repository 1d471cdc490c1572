import {
  createDb,
  createLogger,
  ensureDatabase,
  migrateToLatest,
  type BatchHandler,
} from '@thidua/kit';
import type { AnyEvent, EventOnTopic, TopicId } from '@thidua/schema';
import type { Kysely, Migration } from 'kysely';
import { ownDatabaseUrl } from './database.ts';

/**
 * A consuming service's batch handler against the real PostgreSQL and without Kafka: a fresh
 * database of its own (as testSettings gives each system test), the service's migrations run, and
 * each batch handled in one transaction as the consumer would.
 */
export interface Projection<Database, Topic extends TopicId> {
  db: Kysely<Database>;
  /** Handles each batch in turn; what they emit is left out. */
  given(...batches: EventOnTopic<Topic>[][]): Promise<void>;
  /** Handles one batch; returns the events it emitted. */
  when(batch: EventOnTopic<Topic>[]): Promise<AnyEvent[]>;
  close(): Promise<void>;
}

export async function projection<Database, Topic extends TopicId>(
  name: string,
  migrations: Record<string, Migration>,
  handle: BatchHandler<Database, Topic>,
): Promise<Projection<Database, Topic>> {
  const url = ownDatabaseUrl();
  await ensureDatabase(url);
  const db = createDb<Database>(url, name, 2);
  await migrateToLatest(db as Kysely<unknown>, name, migrations);
  const log = createLogger(name, 'error');
  const when = (batch: EventOnTopic<Topic>[]) =>
    db.transaction().execute(async (trx) => {
      const emitted: AnyEvent[] = [];
      await handle(batch, { trx, emit: (event) => emitted.push(event), log });
      return emitted;
    });
  return {
    db,
    when,
    async given(...batches) {
      for (const batch of batches) await when(batch);
    },
    close: () => db.destroy(),
  };
}
