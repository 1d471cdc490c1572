import { derivedEventId, type BatchContext } from '@thidua/kit';
import { makeEvent, type ScorecardComputedV1 } from '@thidua/schema';
import { isDeepStrictEqual } from 'node:util';
import type { StalePeriod } from './apply-contest-event.ts';
import { bestValuesFor, computeScorecard } from './compute-scorecard.ts';
import type { ScoringDatabase } from './database.ts';

/**
 * Computes every counted submission of a period again (RELATIVE criteria make one unit's points
 * depend on the others) and emits a ScorecardComputed for each scorecard that changed.
 */
export async function rescorePeriod(
  { trx, emit, log }: BatchContext<ScoringDatabase>,
  stale: StalePeriod,
): Promise<void> {
  const { clusterCode, periodId } = stale;
  const year = Number(periodId.slice(0, 4));
  const period = await trx
    .selectFrom('periods')
    .select('deadline')
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
  const scheme = await trx
    .selectFrom('schemes')
    .select('scheme')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  // Scored once both are known; the submissions wait until then.
  if (period === undefined || scheme === undefined) return;

  const submissions = (
    await trx
      .selectFrom('submissions')
      .select('submission')
      .where('cluster_code', '=', clusterCode)
      .where('period_id', '=', periodId)
      .orderBy('unit_code')
      .execute()
  ).map((row) => row.submission);
  const stored = new Map(
    (
      await trx
        .selectFrom('scorecards')
        .select(['unit_code', 'scorecard'])
        .where('cluster_code', '=', clusterCode)
        .where('period_id', '=', periodId)
        .execute()
    ).map((row) => [row.unit_code, row.scorecard]),
  );

  const pledges = new Map(
    (
      await trx
        .selectFrom('pledges')
        .select(['unit_code', 'targets'])
        .where('cluster_code', '=', clusterCode)
        .where('year', '=', year)
        .execute()
    ).map((row) => [row.unit_code, row.targets]),
  );
  const reviews = await trx
    .selectFrom('reviews')
    .select(['unit_code', 'criterion', 'reviewed_score'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', periodId)
    .execute();
  const adjustments = await trx
    .selectFrom('adjustments')
    .select(['unit_code', 'kind', 'points', 'reason', 'disqualifying'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', periodId)
    .orderBy('seq')
    .execute();

  const bestValues = bestValuesFor(scheme.scheme, submissions);
  for (const submission of submissions) {
    let scorecard: ScorecardComputedV1;
    try {
      scorecard = computeScorecard({
        scheme: scheme.scheme,
        submission,
        deadline: period.deadline,
        pledges: pledges.get(submission.unitCode) ?? {},
        reviewedScores: Object.fromEntries(
          reviews
            .filter((r) => r.unit_code === submission.unitCode)
            .map((r) => [r.criterion, r.reviewed_score]),
        ),
        bestValues,
        bonusItems: adjustments
          .filter((a) => a.unit_code === submission.unitCode && a.kind === 'BONUS')
          .map(({ points, reason }) => ({ points, reason })),
        deductionItems: adjustments
          .filter((a) => a.unit_code === submission.unitCode && a.kind === 'DEDUCTION')
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
    if (isDeepStrictEqual(stored.get(submission.unitCode), scorecard)) continue;
    const json = JSON.stringify(scorecard);
    await trx
      .insertInto('scorecards')
      .values({
        cluster_code: clusterCode,
        period_id: periodId,
        unit_code: submission.unitCode,
        scorecard: json,
      })
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code']).doUpdateSet({ scorecard: json }),
      )
      .execute();
    emit(
      makeEvent('ScorecardComputed', {
        id: derivedEventId('ScorecardComputed', stale.causationId, submission.unitCode),
        occurredAt: stale.causedAt,
        source: 'scoring',
        clusterCode,
        causationId: stale.causationId,
        data: scorecard,
      }),
    );
  }
}
