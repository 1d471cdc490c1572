import {
  chunksOf,
  derivedEventId,
  pairIn,
  type BatchContext,
  type ClusterPeriod,
  type Stale,
} from '@thidua/kit';
import { makeEvent, yearOf, type ScorecardComputedV1 } from '@thidua/schema';
import { createHash } from 'node:crypto';
import {
  bestValuesFor,
  computeScorecard,
  withReviewedValues,
  type IndicatorReview,
} from './compute-scorecard.ts';
import type { ScoringDatabase } from './database.ts';

const periodKey = (clusterCode: string, periodId: string) => `${clusterCode}/${periodId}`;
const yearKey = (clusterCode: string, year: number) => `${clusterCode}/${String(year)}`;

/** How many periods are re-scored together: 8 × 50 units' scorecards are about 2 MB of JSON. */
const periodsAtOnce = 8;

/** Groups rows by a key, keeping their order. */
function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * Computes every counted submission of the stale periods again (RELATIVE criteria make one unit's
 * points depend on the others) and emits a ScorecardComputed for each scorecard that changed. What
 * the periods need is read with one query per table and the changed scorecards are written
 * together, so a batch costs the same few statements however many periods it touched.
 */
export async function recompute(
  context: BatchContext<ScoringDatabase>,
  stale: readonly Stale<ClusterPeriod>[],
): Promise<void> {
  // A few periods at a time: a busy batch touches dozens, and their submissions and new scorecards
  // together would otherwise all be in memory at once.
  for (const periods of chunksOf(stale, periodsAtOnce)) await rescoreSome(context, periods);
}

async function rescoreSome(
  { trx, emit, log }: BatchContext<ScoringDatabase>,
  stale: readonly Stale<ClusterPeriod>[],
): Promise<void> {
  const clusterCodes = stale.map((s) => s.clusterCode);
  const periodIds = stale.map((s) => s.periodId);
  const years = stale.map((s) => yearOf(s.periodId));
  const inStalePeriods = pairIn(['cluster_code', 'period_id'], clusterCodes, periodIds, 'text');
  const inStaleYears = pairIn(['cluster_code', 'year'], clusterCodes, years, 'int');

  const periods = await trx
    .selectFrom('periods')
    .select(['cluster_code', 'period_id', 'deadline'])
    .where(inStalePeriods)
    .execute();
  const schemes = await trx
    .selectFrom('schemes')
    .select(['cluster_code', 'year', 'scheme'])
    .where(inStaleYears)
    .execute();
  const submissions = await trx
    .selectFrom('submissions')
    .select(['cluster_code', 'period_id', 'submission'])
    .where(inStalePeriods)
    .orderBy('cluster_code')
    .orderBy('period_id')
    .orderBy('unit_code')
    .execute();
  const fingerprints = await trx
    .selectFrom('scorecards')
    .select(['cluster_code', 'period_id', 'unit_code', 'fingerprint'])
    .where(inStalePeriods)
    .execute();
  const pledges = await trx
    .selectFrom('pledges')
    .select(['cluster_code', 'year', 'unit_code', 'targets'])
    .where(inStaleYears)
    .execute();
  const reviews = await trx
    .selectFrom('reviews')
    .select(['cluster_code', 'period_id', 'unit_code', 'criterion', 'reviewed_score'])
    .where(inStalePeriods)
    .execute();
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
  const adjustments = await trx
    .selectFrom('adjustments')
    .select(['cluster_code', 'period_id', 'unit_code', 'kind', 'points', 'reason', 'disqualifying'])
    .where(inStalePeriods)
    .orderBy('seq')
    .execute();

  const deadlineOf = new Map(
    periods.map((p) => [periodKey(p.cluster_code, p.period_id), p.deadline]),
  );
  const schemeOf = new Map(schemes.map((s) => [yearKey(s.cluster_code, s.year), s.scheme]));
  const submissionsOf = groupBy(submissions, (s) => periodKey(s.cluster_code, s.period_id));
  const keptFingerprint = new Map(
    fingerprints.map((c) => [
      `${periodKey(c.cluster_code, c.period_id)}/${c.unit_code}`,
      c.fingerprint,
    ]),
  );
  const targetsOf = new Map(
    pledges.map((p) => [`${yearKey(p.cluster_code, p.year)}/${p.unit_code}`, p.targets]),
  );
  const reviewsOf = groupBy(
    reviews,
    (r) => `${periodKey(r.cluster_code, r.period_id)}/${r.unit_code}`,
  );
  const indicatorReviewsOf = new Map<string, Record<string, IndicatorReview>>(
    [
      ...groupBy(
        indicatorReviews,
        (r) => `${periodKey(r.cluster_code, r.period_id)}/${r.unit_code}`,
      ).entries(),
    ].map(([unitKey, rows]) => [
      unitKey,
      Object.fromEntries(
        rows.map((r) => [
          r.indicator,
          { reviewedValue: r.reviewed_value, reason: r.reason, reviewer: r.reviewer },
        ]),
      ),
    ]),
  );
  const adjustmentsOf = groupBy(
    adjustments,
    (a) => `${periodKey(a.cluster_code, a.period_id)}/${a.unit_code}`,
  );

  const changed: {
    clusterCode: string;
    scorecard: ScorecardComputedV1;
    json: string;
    fingerprint: string;
  }[] = [];
  for (const { clusterCode, periodId, causationId, causedAt } of stale) {
    const key = periodKey(clusterCode, periodId);
    const deadline = deadlineOf.get(key);
    const scheme = schemeOf.get(yearKey(clusterCode, yearOf(periodId)));
    // Scored once both are known; the submissions wait until then.
    if (deadline === undefined || scheme === undefined) continue;
    const counted = (submissionsOf.get(key) ?? []).map((row) => row.submission);
    const reviewsOfUnit = (unitCode: string) => indicatorReviewsOf.get(`${key}/${unitCode}`) ?? {};
    // Reviewed values replace submitted ones in the best value too (SCORING.md §3).
    const bestValues = bestValuesFor(
      scheme,
      counted.map((submission) =>
        withReviewedValues(submission, reviewsOfUnit(submission.unitCode)),
      ),
    );
    for (const submission of counted) {
      const unitKey = `${key}/${submission.unitCode}`;
      const unitAdjustments = adjustmentsOf.get(unitKey) ?? [];
      let scorecard: ScorecardComputedV1;
      try {
        scorecard = computeScorecard({
          scheme,
          submission,
          deadline,
          pledges:
            targetsOf.get(`${yearKey(clusterCode, yearOf(periodId))}/${submission.unitCode}`) ?? {},
          reviewedScores: Object.fromEntries(
            (reviewsOf.get(unitKey) ?? []).map((r) => [r.criterion, r.reviewed_score]),
          ),
          indicatorReviews: reviewsOfUnit(submission.unitCode),
          bestValues,
          bonusItems: unitAdjustments
            .filter((a) => a.kind === 'BONUS')
            .map(({ points, reason }) => ({ points, reason })),
          deductionItems: unitAdjustments
            .filter((a) => a.kind === 'DEDUCTION')
            .map(({ points, reason, disqualifying }) => ({ points, reason, disqualifying })),
        });
      } catch (error) {
        // The gateway checks submissions against the scheme; one that no longer fits (the scheme
        // was replaced after it) is left unscored and reported rather than stopping the cluster.
        log.error(
          { err: error, clusterCode, periodId, unitCode: submission.unitCode },
          'submission cannot be scored',
        );
        continue;
      }
      // computeScorecard builds its result in a fixed order, so equal scorecards give equal JSON.
      const json = JSON.stringify(scorecard);
      const fingerprint = createHash('sha256').update(json).digest('base64url');
      if (keptFingerprint.get(unitKey) === fingerprint) continue;
      changed.push({ clusterCode, scorecard, json, fingerprint });
      emit(
        makeEvent('ScorecardComputed', {
          id: derivedEventId('ScorecardComputed', causationId, submission.unitCode),
          occurredAt: causedAt,
          source: 'scoring',
          clusterCode,
          causationId,
          data: scorecard,
        }),
      );
    }
  }

  for (const chunk of chunksOf(changed)) {
    await trx
      .insertInto('scorecards')
      .values(
        chunk.map(({ clusterCode, scorecard, json, fingerprint }) => ({
          cluster_code: clusterCode,
          period_id: scorecard.periodId,
          unit_code: scorecard.unitCode,
          scorecard: json,
          fingerprint,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code']).doUpdateSet((eb) => ({
          scorecard: eb.ref('excluded.scorecard'),
          fingerprint: eb.ref('excluded.fingerprint'),
        })),
      )
      .execute();
  }
}
