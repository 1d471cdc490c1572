import type { Kysely } from 'kysely';

// Re-scoring compares each new scorecard with the kept one by a digest of its JSON, so a batch reads
// a few bytes per unit instead of the whole scorecard. Rows kept before have none and count as
// changed once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scorecards').addColumn('fingerprint', 'text').execute();
}
