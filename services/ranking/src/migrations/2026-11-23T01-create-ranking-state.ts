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
    .createTable('tie_breaks')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('tie_breaks', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('tie_breaks_pk', ['cluster_code', 'year'])
    .execute();
  await db.schema
    .createTable('periods')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('periods_pk', ['cluster_code', 'period_id'])
    .execute();
  await db.schema
    .createTable('scorecards')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('submission_version', 'integer', (c) => c.notNull())
    .addColumn('scorecard', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_pk', ['cluster_code', 'period_id', 'unit_code'])
    .execute();
  // Every standings a cluster's period has had, in order: the ranking as of any instant.
  await db.schema
    .createTable('standings')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('entries', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('standings_pk', ['cluster_code', 'period_id', 'revision'])
    .execute();
  await sql`
    CREATE VIEW published_standings_history AS
    SELECT cluster_code, period_id, revision, changed_at, entries FROM standings
  `.execute(db);
  await sql`
    CREATE VIEW published_standings AS
    SELECT DISTINCT ON (cluster_code, period_id) cluster_code, period_id, revision, changed_at, entries
    FROM standings ORDER BY cluster_code, period_id, revision DESC
  `.execute(db);
}
