import { sql, type Kysely } from 'kysely';

// How each indicator of a cluster's scheme rolls up in the summaries (indicator code → SUM,
// AVERAGE or YES_COUNT), kept beside the scheme's maxTotal that the summaries also need.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('max_totals')
    .addColumn('roll_ups', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  // Summaries made before roll-ups have none until their period is recomputed (or the read model
  // rebuilt: `npm run rebuild -- reporting`), rather than a shape the roll-up over clusters and the
  // gateway cannot read.
  await sql`
    UPDATE summaries SET summary = jsonb_set(summary, '{indicators}', '[]'::jsonb)
    WHERE NOT summary ? 'indicators'
  `.execute(db);
}
