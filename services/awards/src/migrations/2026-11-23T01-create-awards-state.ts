import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const byClusterYear = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('cluster_code', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull());
  await byClusterYear('clusters')
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('clusters_pk', ['cluster_code', 'year'])
    .execute();
  await byClusterYear('rules')
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('rules_pk', ['cluster_code', 'year'])
    .execute();
  // The year-end period is closed: its standings are final and awards may be proposed.
  await byClusterYear('closed_years')
    .addPrimaryKeyConstraint('closed_years_pk', ['cluster_code', 'year'])
    .execute();
  await byClusterYear('standings')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('entries', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('standings_pk', ['cluster_code', 'year'])
    .execute();
  await byClusterYear('scorecards')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('submission_version', 'integer', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('disqualified', 'boolean', (c) => c.notNull())
    .addColumn('on_time', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecards_pk', ['cluster_code', 'year', 'unit_code'])
    .execute();
  // Votes and decisions in the order the contest topic gave them; the latest one counts.
  await byClusterYear('votes')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('vote', 'jsonb', (c) => c.notNull())
    .execute();
  await byClusterYear('decisions')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('decision', 'jsonb', (c) => c.notNull())
    .execute();
  await byClusterYear('sheets')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('sheet', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('sheets_pk', ['cluster_code', 'year', 'revision'])
    .execute();
  await sql`
    CREATE VIEW published_award_sheets AS
    SELECT DISTINCT ON (cluster_code, year) cluster_code, year, revision, sheet
    FROM sheets ORDER BY cluster_code, year, revision DESC
  `.execute(db);
}
