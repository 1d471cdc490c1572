import { sql, type Transaction } from 'kysely';
import type { StaleSummary } from './apply-event.ts';
import type { ReportingDatabase } from './database.ts';
import { addAwardCounts, countAwards, noAwards } from './count-awards.ts';
import { rollUp, summarizePeriod, type SummaryScorecard } from './summarize-period.ts';

/** The cluster code under which a period's summary over all clusters is kept. */
export const ALL_CLUSTERS = '*';

/** Works out a cluster's period summary from its counted scorecards. */
export async function resummarizeCluster(
  trx: Transaction<ReportingDatabase>,
  { clusterCode, periodId }: StaleSummary,
): Promise<void> {
  const year = Number(periodId.slice(0, 4));
  const cluster = await trx
    .selectFrom('clusters')
    .select('members')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const maxTotal = await trx
    .selectFrom('max_totals')
    .select('max_total')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  if (cluster === undefined || maxTotal === undefined) return;
  const names = new Map(cluster.members.map((m) => [m.unitCode, m.name]));
  // Only members count (SCORING.md §9), with the indicator values of the version each scorecard counts.
  const rows = await trx
    .selectFrom('scorecards as c')
    .innerJoin('submissions as s', (join) =>
      join
        .onRef('s.cluster_code', '=', 'c.cluster_code')
        .onRef('s.period_id', '=', 'c.period_id')
        .onRef('s.unit_code', '=', 'c.unit_code')
        .onRef('s.submission_version', '=', 'c.submission_version'),
    )
    .select(['c.unit_code', 'c.total', 'c.classification', 'c.on_time', 's.indicators'])
    .where('c.cluster_code', '=', clusterCode)
    .where('c.period_id', '=', periodId)
    .orderBy('c.unit_code')
    .execute();
  const scorecards: SummaryScorecard[] = rows.flatMap((row) => {
    const unitName = names.get(row.unit_code);
    return unitName === undefined
      ? []
      : [
          {
            unitCode: row.unit_code,
            unitName,
            total: row.total,
            classification: row.classification,
            onTime: row.on_time,
            indicators: row.indicators,
          },
        ];
  });
  const sheet = periodId.endsWith('-FY')
    ? await trx
        .selectFrom('award_sheets')
        .select('lines')
        .where('cluster_code', '=', clusterCode)
        .where('year', '=', year)
        .executeTakeFirst()
    : undefined;
  const summary = JSON.stringify({
    ...summarizePeriod(cluster.members.length, maxTotal.max_total, scorecards),
    // Only a year-end period has awards; before its sheet exists, nothing is proposed yet.
    awards: periodId.endsWith('-FY')
      ? sheet === undefined
        ? noAwards
        : countAwards(sheet.lines)
      : null,
  });

  await trx
    .insertInto('summaries')
    .values({ cluster_code: clusterCode, period_id: periodId, summary })
    .onConflict((oc) => oc.columns(['cluster_code', 'period_id']).doUpdateSet({ summary }))
    .execute();
}

/** Rolls the period's cluster summaries up into the one over all clusters. */
export async function rollUpPeriod(
  trx: Transaction<ReportingDatabase>,
  periodId: string,
): Promise<void> {
  // Instances owning different clusters may roll up the same period; one at a time.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`reporting:${periodId}`}))`.execute(trx);
  const clusters = await trx
    .selectFrom('summaries')
    .select('summary')
    .where('period_id', '=', periodId)
    .where('cluster_code', '!=', ALL_CLUSTERS)
    .orderBy('cluster_code')
    .execute();
  if (clusters.length === 0) return;
  const parts = clusters.map((row) => row.summary);
  const awards = parts.flatMap((part) => (part.awards === null ? [] : [part.awards]));
  const summary = JSON.stringify({
    ...rollUp(parts),
    awards: periodId.endsWith('-FY') ? addAwardCounts(awards) : null,
  });
  await trx
    .insertInto('summaries')
    .values({ cluster_code: ALL_CLUSTERS, period_id: periodId, summary })
    .onConflict((oc) => oc.columns(['cluster_code', 'period_id']).doUpdateSet({ summary }))
    .execute();
}
