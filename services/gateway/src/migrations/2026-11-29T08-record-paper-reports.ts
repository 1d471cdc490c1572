import { sql, type Kysely } from 'kysely';

// Paper reports: a version recorded by the cluster's lead or the central board from a report that
// arrived on paper keeps who recorded it and when (its submitted_at is the moment it was received),
// and a period keeps when it was opened, the earliest a report can have been received.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('submissions')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('periods').addColumn('opened_at', 'timestamptz').execute();
  // Periods opened before this migration take the moment from their event, which the outbox keeps.
  await sql`
    UPDATE periods p SET opened_at = (e.event ->> 'occurredAt')::timestamptz
    FROM (
      SELECT value::jsonb AS event FROM outbox WHERE value LIKE '%"type":"PeriodOpened"%'
    ) e
    WHERE p.cluster_code = e.event ->> 'clusterCode'
      AND p.period_id = e.event -> 'data' ->> 'periodId'
  `.execute(db);
}
