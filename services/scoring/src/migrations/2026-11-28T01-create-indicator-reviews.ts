import type { Kysely } from 'kysely';

// The reviewed value of an indicator (thẩm định), one per unit, period and indicator: a later
// review replaces an earlier one, and it outlives new versions of the submission.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('indicator_reviews')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('reviewed_value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_reviews_pk', [
      'cluster_code',
      'period_id',
      'unit_code',
      'indicator',
    ])
    .execute();
}
