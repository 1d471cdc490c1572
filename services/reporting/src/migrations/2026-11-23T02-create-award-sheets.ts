import type { Kysely } from 'kysely';

// The latest award sheet of each cluster's year, for the year-end summaries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('award_sheets')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('lines', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('award_sheets_pk', ['cluster_code', 'year'])
    .execute();
}
