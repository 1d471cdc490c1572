import { Migrator, type Kysely, type Migration } from 'kysely';
import { kitMigrations } from './kit-migrations.ts';

/**
 * Brings a service's schema up to date: the kit's delivery tables first, then the service's own
 * migrations, in name order (names start with an ISO date). The migrator creates the schema itself:
 * it tolerates a second instance creating it at the same moment, which a bare
 * `CREATE SCHEMA IF NOT EXISTS` does not (PostgreSQL raises a unique violation on that race).
 */
export async function migrateToLatest<Database>(
  db: Kysely<Database>,
  schema: string,
  migrations: Record<string, Migration>,
): Promise<void> {
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: () => Promise.resolve({ ...kitMigrations, ...migrations }) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} of ${schema} failed`, {
      cause: error,
    });
  }
}
