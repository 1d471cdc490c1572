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
};
