import { sql, type Kysely } from 'kysely';

// The reviewed self-scores (thẩm định) with their reasons, kept where the meeting minutes and the
// scorecard read them; the latest review of a criterion counts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('score_reviews')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('reviewed_score', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_reviews_pk', [
      'cluster_code',
      'period_id',
      'unit_code',
      'criterion',
    ])
    .execute();
  // Reviews made before this migration come from their events, which the outbox keeps.
  await sql`
    INSERT INTO score_reviews
    SELECT DISTINCT ON (key) cluster_code, period_id, unit_code, criterion, reviewed_score, reason,
      reviewer, reviewed_at
    FROM (
      SELECT e.event ->> 'clusterCode' AS cluster_code,
        e.event -> 'data' ->> 'periodId' AS period_id,
        e.event -> 'data' ->> 'unitCode' AS unit_code,
        e.event -> 'data' ->> 'criterion' AS criterion,
        e.event -> 'data' ->> 'reviewedScore' AS reviewed_score,
        e.event -> 'data' ->> 'reason' AS reason,
        e.event -> 'data' ->> 'reviewer' AS reviewer,
        (e.event ->> 'occurredAt')::timestamptz AS reviewed_at,
        concat_ws('/', e.event ->> 'clusterCode', e.event -> 'data' ->> 'periodId',
          e.event -> 'data' ->> 'unitCode', e.event -> 'data' ->> 'criterion') AS key
      FROM (
        SELECT value::jsonb AS event FROM outbox WHERE value LIKE '%"type":"ScoreReviewed"%'
      ) e
    ) reviews
    ORDER BY key, reviewed_at DESC
  `.execute(db);
}
