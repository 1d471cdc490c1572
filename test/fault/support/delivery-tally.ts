import { sql, type Kysely } from 'kysely';

export type Tally = Record<string, number>;

/**
 * Counts that drop when an event is lost and grow when one is applied twice: the contest events
 * each consumer recorded, submission versions summed, rows appended once per event. Counts that
 * depend on how events were cut into batches (derived events, standings revisions) are left out.
 */
export async function tallyOf(db: Kysely<unknown>, contestIds: readonly string[]): Promise<Tally> {
  const ids = sql`${[...contestIds]}::uuid[]`;
  const applied = (schema: string) =>
    sql`(SELECT count(*) FROM ${sql.table(`${schema}.processed_events`)} WHERE event_id = ANY(${ids}))`;
  const { rows } = await sql<Record<string, string>>`
    SELECT ${applied('scoring')} AS "contest events applied by scoring",
           ${applied('ranking')} AS "contest events applied by ranking",
           ${applied('awards')} AS "contest events applied by awards",
           ${applied('reporting')} AS "contest events applied by reporting",
           (SELECT coalesce(sum(submission_version), 0) FROM scoring.submissions) AS "versions counted by scoring",
           (SELECT coalesce(sum(submission_version), 0) FROM ranking.scorecards) AS "versions counted by ranking",
           (SELECT coalesce(sum(submission_version), 0) FROM reporting.submissions) AS "versions counted by reporting",
           (SELECT count(*) FROM scoring.scorecards) AS "scorecards",
           (SELECT count(*) FROM scoring.reviews) AS "reviews",
           (SELECT count(*) FROM scoring.adjustments) AS "bonus and deduction items",
           (SELECT count(*) FROM scoring.pledges) AS "pledges",
           (SELECT count(*) FROM awards.votes) AS "tie votes",
           (SELECT count(*) FROM awards.decisions) AS "award decisions",
           (SELECT count(*) FROM awards.published_award_sheets) AS "award sheets",
           (SELECT count(*) FROM reporting.summaries) AS "summaries"
  `.execute(db);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** Lost: what the reference counted and this run did not; duplicated: what this run counted more. */
export function compareTallies(
  reference: Tally,
  run: Tally,
): { lost: number; duplicated: number; differences: string[] } {
  let lost = 0;
  let duplicated = 0;
  const differences: string[] = [];
  for (const key of new Set([...Object.keys(reference), ...Object.keys(run)])) {
    const want = reference[key] ?? 0;
    const got = run[key] ?? 0;
    lost += Math.max(0, want - got);
    duplicated += Math.max(0, got - want);
    if (want !== got) differences.push(`${key}: ${got} instead of ${want}`);
  }
  return { lost, duplicated, differences };
}

/** Every event id each consuming service recorded, whatever its topic. */
export async function eventsProcessed(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT ((SELECT count(*) FROM scoring.processed_events) + (SELECT count(*) FROM ranking.processed_events)
          + (SELECT count(*) FROM awards.processed_events) + (SELECT count(*) FROM reporting.processed_events))::text AS n
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}
