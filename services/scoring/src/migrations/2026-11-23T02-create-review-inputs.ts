import type { Kysely } from 'kysely';

// What the lead and the central board add to a unit's own figures: pledged targets, reviewed
// self-scores, bonus and deduction items.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledges')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('targets', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('pledges_pk', ['cluster_code', 'year', 'unit_code'])
    .execute();
  await db.schema
    .createTable('reviews')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('reviewed_score', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reviews_pk', ['cluster_code', 'period_id', 'unit_code', 'criterion'])
    .execute();
  await db.schema
    .createTable('adjustments')
    .addColumn('item_id', 'uuid', (c) => c.primaryKey())
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('disqualifying', 'boolean', (c) => c.notNull())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute();
}
