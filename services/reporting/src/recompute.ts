import { chunksOf, pairIn, type ClusterPeriod } from '@thidua/kit';
import { isYearEnd, yearOf } from '@thidua/schema';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { ReportingDatabase } from './database.ts';
import { addAwardCounts, countAwards, noAwards } from './count-awards.ts';
import { rollUp, summarizePeriod, type SummaryScorecard } from './summarize-period.ts';

/** The cluster code under which a period's summary over all clusters is kept. */
export const ALL_CLUSTERS = '*';

const periodKey = (clusterCode: string, periodId: string) => `${clusterCode}/${periodId}`;
const yearKey = (clusterCode: string, year: number) => `${clusterCode}/${String(year)}`;

/**
 * Works out each stale cluster period's summary from its counted scorecards. What the periods need
 * is read with one query per table and the summaries are written together, so a batch costs the
 * same few statements however many periods it touched.
 */
export async function recompute(
  trx: Transaction<ReportingDatabase>,
  stale: readonly ClusterPeriod[],
): Promise<void> {
  if (stale.length === 0) return;
  const clusterCodes = stale.map((p) => p.clusterCode);
  const periodIds = stale.map((p) => p.periodId);
  const years = stale.map((p) => yearOf(p.periodId));
  const inStaleYears = pairIn(['cluster_code', 'year'], clusterCodes, years, 'int');
  const inStalePeriods = pairIn(['c.cluster_code', 'c.period_id'], clusterCodes, periodIds, 'text');

  const clusters = await trx
    .selectFrom('clusters')
    .select(['cluster_code', 'year', 'members'])
    .where(inStaleYears)
    .execute();
  const maxTotals = await trx
    .selectFrom('max_totals')
    .select(['cluster_code', 'year', 'max_total', 'roll_ups'])
    .where(inStaleYears)
    .execute();
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
    .select([
      'c.cluster_code',
      'c.period_id',
      'c.unit_code',
      'c.total',
      'c.classification',
      'c.on_time',
      'c.reviewed_values',
      's.indicators',
    ])
    .where(inStalePeriods)
    .orderBy('c.cluster_code')
    .orderBy('c.period_id')
    .orderBy('c.unit_code')
    .execute();
  const sheets = stale.some((p) => isYearEnd(p.periodId))
    ? await trx
        .selectFrom('award_sheets')
        .select(['cluster_code', 'year', 'lines'])
        .where(inStaleYears)
        .execute()
    : [];

  const membersOf = new Map(clusters.map((c) => [yearKey(c.cluster_code, c.year), c.members]));
  const maxTotalOf = new Map(maxTotals.map((m) => [yearKey(m.cluster_code, m.year), m]));
  const countedOf = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = periodKey(row.cluster_code, row.period_id);
    const group = countedOf.get(key);
    if (group === undefined) countedOf.set(key, [row]);
    else group.push(row);
  }
  const linesOf = new Map(sheets.map((s) => [yearKey(s.cluster_code, s.year), s.lines]));

  const summaries: Insertable<ReportingDatabase['summaries']>[] = [];
  for (const { clusterCode, periodId } of stale) {
    const year = yearOf(periodId);
    const members = membersOf.get(yearKey(clusterCode, year));
    const scheme = maxTotalOf.get(yearKey(clusterCode, year));
    if (members === undefined || scheme === undefined) continue;
    const names = new Map(members.map((m) => [m.unitCode, m.name]));
    const scorecards: SummaryScorecard[] = (
      countedOf.get(periodKey(clusterCode, periodId)) ?? []
    ).flatMap((row) => {
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
              // A reviewed value replaces the submitted one here as in every scoring rule.
              indicators: { ...row.indicators, ...row.reviewed_values },
            },
          ];
    });
    const lines = linesOf.get(yearKey(clusterCode, year));
    const summary = JSON.stringify({
      ...summarizePeriod(
        members.length,
        scheme.max_total,
        scorecards,
        new Map(Object.entries(scheme.roll_ups)),
      ),
      // Only a year-end period has awards; before its sheet exists, nothing is proposed yet.
      awards: isYearEnd(periodId) ? (lines === undefined ? noAwards : countAwards(lines)) : null,
    });
    summaries.push({ cluster_code: clusterCode, period_id: periodId, summary });
  }
  for (const chunk of chunksOf(summaries)) {
    await trx
      .insertInto('summaries')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'period_id'])
          .doUpdateSet((eb) => ({ summary: eb.ref('excluded.summary') })),
      )
      .execute();
  }
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
    awards: isYearEnd(periodId) ? addAwardCounts(awards) : null,
  });
  await trx
    .insertInto('summaries')
    .values({ cluster_code: ALL_CLUSTERS, period_id: periodId, summary })
    .onConflict((oc) => oc.columns(['cluster_code', 'period_id']).doUpdateSet({ summary }))
    .execute();
}
