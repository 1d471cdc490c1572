import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/** The services whose state is a read model of the topics, rebuilt by replaying them. */
export const readModelServices = ['scoring', 'ranking', 'awards', 'reporting'] as const;
export type ReadModelService = (typeof readModelServices)[number];

/**
 * One canonical query per service: what its users see, ordered, without what depends only on how
 * the events were cut into batches (standings revision numbers, movement and change times; the
 * award sheet's revision).
 */
const canonicalQueries: Record<ReadModelService, string> = {
  scoring: `SELECT cluster_code, period_id, unit_code, scorecard
            FROM scoring.scorecards ORDER BY cluster_code, period_id, unit_code`,
  ranking: `SELECT cluster_code, period_id,
                   (SELECT jsonb_agg(entry - 'movement' ORDER BY ordinality)
                      FROM jsonb_array_elements(entries) WITH ORDINALITY AS e(entry, ordinality)) AS entries
            FROM ranking.published_standings ORDER BY cluster_code, period_id`,
  awards: `SELECT cluster_code, year, sheet
           FROM awards.published_award_sheets ORDER BY cluster_code, year`,
  reporting: `SELECT cluster_code, period_id, summary
              FROM reporting.published_summaries ORDER BY cluster_code, period_id`,
};

export interface ReadModelDump {
  /** sha256 of each service's canonical rows, and of all of them together. */
  hashes: Record<ReadModelService | 'all', string>;
  rows: Record<ReadModelService, number>;
}

/** JSON with object keys sorted, so equal content always gives equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The canonical dump of every read model and its hashes, to compare two runs or deployments. */
export async function dumpReadModels(db: Kysely<unknown>): Promise<ReadModelDump> {
  const all = createHash('sha256');
  const hashes = {} as ReadModelDump['hashes'];
  const rows = {} as ReadModelDump['rows'];
  for (const service of readModelServices) {
    const result = await sql.raw<Record<string, unknown>>(canonicalQueries[service]).execute(db);
    const hash = createHash('sha256');
    for (const row of result.rows) {
      const line = `${canonicalJson(row)}\n`;
      hash.update(line);
      all.update(`${service}\t${line}`);
    }
    hashes[service] = hash.digest('hex');
    rows[service] = result.rows.length;
  }
  hashes.all = all.digest('hex');
  return { hashes, rows };
}

/**
 * Drops a service's read model and forgets its consumer group's offsets, so that the next start
 * migrates an empty schema and replays its topics from the beginning. The service must be stopped.
 */
export async function dropReadModel(
  db: Kysely<unknown>,
  deleteGroup: (groupId: string) => Promise<void>,
  service: ReadModelService,
  namespace: string,
): Promise<void> {
  await deleteGroup(namespace === '' ? `thidua-${service}` : `${namespace}.thidua-${service}`);
  await sql`DROP SCHEMA IF EXISTS ${sql.id(service)} CASCADE`.execute(db);
}
