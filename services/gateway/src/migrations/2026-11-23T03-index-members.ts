import { sql, type Kysely } from 'kysely';

// Every command and visibility check finds a unit's cluster with `members @> [{unitCode}]`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX clusters_members ON clusters USING gin (members jsonb_path_ops)`.execute(
    db,
  );
}
