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
    .createTable('max_totals')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('max_total', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('max_totals_pk', ['cluster_code', 'year'])
    .execute();
  await db.schema
    .createTable('periods')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('periods_pk', ['cluster_code', 'period_id'])
    .execute();
  // Every version's indicator values: the summary takes those of the version each scorecard counts.
  await db.schema
    .createTable('submissions')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('submission_version', 'integer', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('submissions_pk', [
      'cluster_code',
      'period_id',
      'unit_code',
      'submission_version',
    ])
    .execute();
  await db.schema
    .createTable('scorecards')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('submission_version', 'integer', (c) => c.notNull())
    .addColumn('total', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('on_time', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_pk', ['cluster_code', 'period_id', 'unit_code'])
    .execute();
  // One row per cluster and period, and one per period over all clusters (cluster_code '*').
  await db.schema
    .createTable('summaries')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('summaries_pk', ['cluster_code', 'period_id'])
    .execute();
  await sql`
    CREATE VIEW published_summaries AS SELECT cluster_code, period_id, summary FROM summaries
  `.execute(db);
}
