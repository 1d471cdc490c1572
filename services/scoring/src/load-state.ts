import { clusterKey, pairIn, type ClusterPeriod, type ClusterYear, type Stale } from '@thidua/kit';
import { yearOf, type ContestEvent } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { IndicatorReview } from './compute-scorecard.ts';
import type { ScoringDatabase } from './database.ts';
import { emptyInputs, emptyState, unitKey, type PeriodInputs, type ScoringState } from './state.ts';

/** Groups rows by a key, keeping their order. */
function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const name = key(row);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [row]);
    else group.push(row);
  }
  return groups;
}

/** The cluster-year whose opened periods deciding `event` needs, if any. */
function periodsNeeded(event: ContestEvent): ClusterYear | null {
  const { clusterCode } = event;
  switch (event.type) {
    case 'DeadlineSet':
    case 'PeriodClosed':
      return { clusterCode, year: yearOf(event.data.periodId) };
    case 'SchemeAssigned':
      return { clusterCode, year: event.data.scheme.year };
    case 'PledgesRegistered':
      return { clusterCode, year: event.data.year };
    default:
      return null;
  }
}

/**
 * Reads what deciding a batch's facts takes: the periods opened in the cluster-years whose period
 * facts, schemes or pledges it changes, and the counted submission versions in the periods it
 * submits for. A query per table, only for what the batch holds.
 */
export async function loadState(
  trx: Transaction<ScoringDatabase>,
  events: readonly ContestEvent[],
): Promise<ScoringState> {
  const state = emptyState();
  const years = events.flatMap((event) => periodsNeeded(event) ?? []);
  const submitted = new Map<string, ClusterPeriod>();
  for (const event of events) {
    if (event.type !== 'ResultsSubmitted') continue;
    const period = { clusterCode: event.clusterCode, periodId: event.data.periodId };
    submitted.set(clusterKey(period), period);
  }

  if (years.length > 0) {
    for (const year of years) state.periods.set(clusterKey(year), new Map());
    const opened = await trx
      .selectFrom('periods')
      .select(['cluster_code', 'period_id', 'deadline'])
      .where('cluster_code', 'in', [...new Set(years.map((y) => y.clusterCode))])
      .execute();
    for (const row of opened) {
      const year = { clusterCode: row.cluster_code, year: yearOf(row.period_id) };
      state.periods.get(clusterKey(year))?.set(row.period_id, row.deadline);
    }
  }
  if (submitted.size > 0) {
    const periods = [...submitted.values()];
    const counted = await trx
      .selectFrom('submissions')
      .select(['cluster_code', 'period_id', 'unit_code', 'submission_version'])
      .where(
        pairIn(
          ['cluster_code', 'period_id'],
          periods.map((p) => p.clusterCode),
          periods.map((p) => p.periodId),
          'text',
        ),
      )
      .execute();
    for (const row of counted) {
      const key = unitKey(row.cluster_code, row.period_id, row.unit_code);
      state.submissionVersions.set(key, row.submission_version);
    }
  }
  return state;
}

/**
 * Reads what scoring the stale periods again takes, with one query per table (the periods travel
 * as two arrays), after the batch's facts are written.
 */
export async function loadInputs(
  trx: Transaction<ScoringDatabase>,
  stale: readonly Stale<ClusterPeriod>[],
): Promise<PeriodInputs> {
  const inputs = emptyInputs();
  const clusterCodes = stale.map((s) => s.clusterCode);
  const periodIds = stale.map((s) => s.periodId);
  const years = stale.map((s) => yearOf(s.periodId));
  const inStalePeriods = pairIn(['cluster_code', 'period_id'], clusterCodes, periodIds, 'text');
  const inStaleYears = pairIn(['cluster_code', 'year'], clusterCodes, years, 'int');
  const periodOf = (row: { cluster_code: string; period_id: string }) =>
    clusterKey({ clusterCode: row.cluster_code, periodId: row.period_id });
  const yearOfRow = (row: { cluster_code: string; year: number }) =>
    clusterKey({ clusterCode: row.cluster_code, year: row.year });
  const unitOf = (row: { cluster_code: string; period_id: string; unit_code: string }) =>
    unitKey(row.cluster_code, row.period_id, row.unit_code);

  const periods = await trx
    .selectFrom('periods')
    .select(['cluster_code', 'period_id', 'deadline'])
    .where(inStalePeriods)
    .execute();
  for (const row of periods) inputs.deadlines.set(periodOf(row), row.deadline);

  const schemes = await trx
    .selectFrom('schemes')
    .select(['cluster_code', 'year', 'scheme'])
    .where(inStaleYears)
    .execute();
  for (const row of schemes) inputs.schemes.set(yearOfRow(row), row.scheme);

  const submissions = await trx
    .selectFrom('submissions')
    .select(['cluster_code', 'period_id', 'submission'])
    .where(inStalePeriods)
    .orderBy('cluster_code')
    .orderBy('period_id')
    .orderBy('unit_code')
    .execute();
  for (const [period, rows] of groupBy(submissions, periodOf)) {
    inputs.submissions.set(
      period,
      rows.map((row) => row.submission),
    );
  }

  const fingerprints = await trx
    .selectFrom('scorecards')
    .select(['cluster_code', 'period_id', 'unit_code', 'fingerprint'])
    .where(inStalePeriods)
    .execute();
  for (const row of fingerprints) inputs.fingerprints.set(unitOf(row), row.fingerprint);

  const pledges = await trx
    .selectFrom('pledges')
    .select(['cluster_code', 'year', 'unit_code', 'targets'])
    .where(inStaleYears)
    .execute();
  for (const row of pledges) {
    const ofYear = inputs.pledges.get(yearOfRow(row));
    if (ofYear === undefined) {
      inputs.pledges.set(yearOfRow(row), new Map([[row.unit_code, row.targets]]));
    } else ofYear.set(row.unit_code, row.targets);
  }

  const reviews = await trx
    .selectFrom('reviews')
    .select(['cluster_code', 'period_id', 'unit_code', 'criterion', 'reviewed_score'])
    .where(inStalePeriods)
    .execute();
  for (const [unit, rows] of groupBy(reviews, unitOf)) {
    inputs.reviewedScores.set(
      unit,
      Object.fromEntries(rows.map((row) => [row.criterion, row.reviewed_score])),
    );
  }

  const indicatorReviews = await trx
    .selectFrom('indicator_reviews')
    .select([
      'cluster_code',
      'period_id',
      'unit_code',
      'indicator',
      'reviewed_value',
      'reason',
      'reviewer',
    ])
    .where(inStalePeriods)
    .execute();
  for (const [unit, rows] of groupBy(indicatorReviews, unitOf)) {
    const reviews = rows.map((row): [string, IndicatorReview] => [
      row.indicator,
      { reviewedValue: row.reviewed_value, reason: row.reason, reviewer: row.reviewer },
    ]);
    inputs.indicatorReviews.set(unit, Object.fromEntries(reviews));
  }

  const adjustments = await trx
    .selectFrom('adjustments')
    .select(['cluster_code', 'period_id', 'unit_code', 'kind', 'points', 'reason', 'disqualifying'])
    .where(inStalePeriods)
    .orderBy('seq')
    .execute();
  for (const [unit, rows] of groupBy(adjustments, unitOf)) {
    inputs.adjustments.set(
      unit,
      rows.map(({ kind, points, reason, disqualifying }) => ({
        kind,
        points,
        reason,
        disqualifying,
      })),
    );
  }
  return inputs;
}
