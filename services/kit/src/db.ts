import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { KitTables } from './kit-tables.ts';

// BIGINT columns (offsets, sequence numbers) come back as strings unless told otherwise; they are
// kept as strings and turned into bigint where arithmetic is needed.

/**
 * A Kysely handle whose connections look up unqualified tables in the service's own schema first,
 * so each service's queries name only its tables, and reading another's published view needs its
 * schema spelled out.
 */
export function createDb<Database>(
  databaseUrl: string,
  schema: string,
  poolSize = 5,
): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPool(databaseUrl, schema, poolSize) }),
  });
}

/**
 * A service's handle and the kit's over one pool: the kit's code queries its delivery tables
 * through `kit`, typed by them alone, whatever tables the service adds. Destroy `db` only (it ends
 * the shared pool).
 */
export function createServiceDb<Database extends KitTables>(
  databaseUrl: string,
  schema: string,
  poolSize = 5,
): { db: Kysely<Database>; kit: Kysely<KitTables> } {
  const pool = createPool(databaseUrl, schema, poolSize);
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    kit: new Kysely<KitTables>({ dialect: new PostgresDialect({ pool }) }),
  };
}

function createPool(databaseUrl: string, schema: string, poolSize: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    options: `-c search_path=${schema},public`,
  });
  // PostgreSQL may end a connection (a restart, a failover, pg_terminate_backend); pg then emits
  // 'error' on the pool (an idle connection) or on the client (one in use), and an 'error' nobody
  // listens to ends the process. The statement in flight fails on its own and its caller retries;
  // the pool drops the broken connection and opens a new one.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Creates the database named in the URL if it does not exist yet (connecting through `postgres`). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: unknown) => {
        // Another service may have created it a moment ago (42P04, or 23505 when both raced).
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}
