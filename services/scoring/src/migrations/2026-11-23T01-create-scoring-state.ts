import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clusters')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('members', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('clusters_pk', ['cluster_code', 'year'])
    .execute();
  await db.schema
    .createTable('periods')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('closed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('periods_pk', ['cluster_code', 'period_id'])
    .execute();
  await db.schema
    .createTable('schemes')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scheme', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('schemes_pk', ['cluster_code', 'year'])
    .execute();
  // The counted (latest) version of each unit's submission.
  await db.schema
    .createTable('submissions')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('submission_version', 'integer', (c) => c.notNull())
    .addColumn('submission', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('submissions_pk', ['cluster_code', 'period_id', 'unit_code'])
    .execute();
  await db.schema
    .createTable('scorecards')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('scorecard', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_pk', ['cluster_code', 'period_id', 'unit_code'])
    .execute();
  await sql`
    CREATE VIEW published_scorecards AS
    SELECT cluster_code, period_id, unit_code, scorecard FROM scorecards
  `.execute(db);
  await sql`COMMENT ON VIEW published_scorecards IS 'read by the gateway'`.execute(db);
}
