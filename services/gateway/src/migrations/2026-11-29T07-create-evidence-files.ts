import type { Kysely } from 'kysely';

// Evidence files (minh chứng) behind a unit's figures, kept whole in PostgreSQL beside the contest
// state: a few megabytes each, at most 50 MB per unit and period, which needs no other store.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploader_subject', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_files_unit_period')
    .on('evidence_files')
    .columns(['unit_code', 'period_id'])
    .execute();
}
