import type { Kysely } from 'kysely';

// The gateway owns the contest facts: it checks each command against these tables and appends
// the resulting event to its outbox in the same transaction.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clusters')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lead', 'text')
    .addColumn('members', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('clusters_pk', ['cluster_code', 'year'])
    .execute();
  await db.schema
    .createTable('periods')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('periods_pk', ['cluster_code', 'period_id'])
    .execute();
  await db.schema
    .createTable('schemes')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scheme', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('schemes_pk', ['cluster_code', 'year'])
    .execute();
  await db.schema
    .createTable('submissions')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('submissions_pk', [
      'cluster_code',
      'period_id',
      'unit_code',
      'version',
    ])
    .execute();
}
