import { sql, type Kysely, type Migration } from 'kysely';

/** The tables every service needs for delivery: stored offsets, seen event ids, the outbox. */
export const kitMigrations: Record<string, Migration> = {
  '2026-11-23T00-kit-delivery': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('consumer_offsets')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('partition', 'integer', (c) => c.notNull())
        .addColumn('next_offset', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('consumer_offsets_pk', ['group_id', 'topic', 'partition'])
        .execute();
      await db.schema
        .createTable('processed_events')
        .addColumn('event_id', 'uuid', (c) => c.primaryKey())
        .execute();
      await db.schema
        .createTable('outbox')
        .addColumn('seq', 'bigserial', (c) => c.primaryKey())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('sent_at', 'timestamptz')
        .execute();
      await sql`CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL`.execute(db);
    },
  },
  // Sent outbox rows and processed ids are pruned after the delivery retention (retention.ts).
  // now() is stable, so PostgreSQL adds the column without rewriting the table: ids stored before
  // count as processed at the migration, and are kept a whole retention from then.
  '2026-11-29T00-kit-retention': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('processed_events')
        .addColumn('processed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`CREATE INDEX processed_events_at ON processed_events (processed_at)`.execute(db);
      await sql`CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL`.execute(
        db,
      );
    },
  },
};
