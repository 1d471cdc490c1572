import { sql, type Kysely } from 'kysely';

// The reviewed indicator values (thẩm định) a scorecard counted, so that a summary's indicator
// totals add up the verified figures rather than the submitted ones they replaced.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('scorecards')
    .addColumn('reviewed_values', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}
