import { sql, type Kysely } from 'kysely';

// Verification (thẩm định): each version keeps its indicator values, so that reviewers can be shown
// values far outside the cluster's distribution, and the mark of a version returned for
// explanation (giải trình); a reviewer's value for an indicator replaces the submitted one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('submissions')
    .addColumn('indicators', 'jsonb')
    .addColumn('returned_reason', 'text')
    .addColumn('returned_by', 'text')
    .addColumn('returned_at', 'timestamptz')
    .execute();
  // Versions accepted before this migration take their values from their event, which the outbox
  // keeps after sending.
  await sql`
    UPDATE submissions s SET indicators = e.event -> 'data' -> 'indicators'
    FROM (
      SELECT value::jsonb AS event FROM outbox WHERE value LIKE '%"type":"ResultsSubmitted"%'
    ) e
    WHERE s.event_id = (e.event ->> 'id')::uuid
  `.execute(db);
  await db.schema
    .createTable('indicator_reviews')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('reviewed_value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_reviews_pk', [
      'cluster_code',
      'period_id',
      'unit_code',
      'indicator',
    ])
    .execute();
}
