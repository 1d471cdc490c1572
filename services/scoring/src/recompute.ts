import { clusterKey, derivedEventId, type ClusterPeriod, type Stale } from '@thidua/kit';
import { makeEvent, yearOf, type EventOf, type ScorecardComputedV1 } from '@thidua/schema';
import { createHash } from 'node:crypto';
import { bestValuesFor, computeScorecard, withReviewedValues } from './compute-scorecard.ts';
import { unitKey, type PeriodInputs, type RescoreChanges } from './state.ts';

const none: readonly never[] = [];
const nothing: Readonly<Record<string, never>> = {};

/**
 * Scores every counted submission of the stale periods again (RELATIVE criteria make one unit's
 * points depend on the others) and yields each scorecard that differs from the kept one, by the
 * sha256 of its JSON, with a ScorecardComputed caused by the last event that made its period
 * stale. A period is scored once its deadline and scheme are both known.
 */
export function recompute(
  inputs: PeriodInputs,
  stale: readonly Stale<ClusterPeriod>[],
): { changes: RescoreChanges; emit: EventOf<'ScorecardComputed'>[] } {
  const changes: RescoreChanges = { scorecards: [], unscorable: [] };
  const emit: EventOf<'ScorecardComputed'>[] = [];
  for (const { clusterCode, periodId, causationId, causedAt } of stale) {
    const period = clusterKey({ clusterCode, periodId });
    const year = clusterKey({ clusterCode, year: yearOf(periodId) });
    const deadline = inputs.deadlines.get(period);
    const scheme = inputs.schemes.get(year);
    // Scored once both are known; the submissions wait until then.
    if (deadline === undefined || scheme === undefined) continue;
    const counted = inputs.submissions.get(period) ?? none;
    const pledges = inputs.pledges.get(year);
    const reviewsOf = (unitCode: string) =>
      inputs.indicatorReviews.get(unitKey(clusterCode, periodId, unitCode)) ?? nothing;
    // Reviewed values replace submitted ones in the best value too (SCORING.md §3).
    const bestValues = bestValuesFor(
      scheme,
      counted.map((submission) => withReviewedValues(submission, reviewsOf(submission.unitCode))),
    );
    for (const submission of counted) {
      const { unitCode } = submission;
      const unit = unitKey(clusterCode, periodId, unitCode);
      const adjustments = inputs.adjustments.get(unit) ?? none;
      let scorecard: ScorecardComputedV1;
      try {
        scorecard = computeScorecard({
          scheme,
          submission,
          deadline,
          pledges: pledges?.get(unitCode) ?? nothing,
          reviewedScores: inputs.reviewedScores.get(unit) ?? nothing,
          indicatorReviews: reviewsOf(unitCode),
          bestValues,
          bonusItems: adjustments
            .filter((a) => a.kind === 'BONUS')
            .map(({ points, reason }) => ({ points, reason })),
          deductionItems: adjustments
            .filter((a) => a.kind === 'DEDUCTION')
            .map(({ points, reason, disqualifying }) => ({ points, reason, disqualifying })),
        });
      } catch (error) {
        // Left unscored and reported; the others of the period are scored.
        changes.unscorable.push({ clusterCode, periodId, unitCode, error });
        continue;
      }
      // computeScorecard builds its result in a fixed order, so equal scorecards give equal JSON.
      const json = JSON.stringify(scorecard);
      const fingerprint = createHash('sha256').update(json).digest('base64url');
      if (inputs.fingerprints.get(unit) === fingerprint) continue;
      changes.scorecards.push({ clusterCode, scorecard, json, fingerprint });
      emit.push(
        makeEvent('ScorecardComputed', {
          id: derivedEventId('ScorecardComputed', causationId, unitCode),
          occurredAt: causedAt,
          source: 'scoring',
          clusterCode,
          causationId,
          data: scorecard,
        }),
      );
    }
  }
  return { changes, emit };
}
