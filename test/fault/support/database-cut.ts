import pg from 'pg';
import { testApplicationName } from './process-system.ts';

/**
 * Terminates every connection the services hold to the database, as a failover or a restarted
 * PostgreSQL would; returns how many backends it ended. The test's own connections (the loader,
 * standing for the API's clients, and the reads of the final state) are spared.
 */
export async function cutConnections(databaseUrl: string): Promise<number> {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name <> $2`,
      [database, testApplicationName],
    );
    return rows.filter((row) => row.ended).length;
  } finally {
    await client.end();
  }
}
