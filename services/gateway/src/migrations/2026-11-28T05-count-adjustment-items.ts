import type { Kysely } from 'kysely';

// How many bonus and deduction items each unit has in each period, so that the gateway can refuse
// one beyond schemeLimits.itemsPerUnitAndPeriod (the bound that keeps a scorecard's deductions a
// valid figure).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('adjustment_items')
    .addColumn('cluster_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('adjustment_items_pk', [
      'cluster_code',
      'period_id',
      'unit_code',
      'kind',
    ])
    .execute();
}
