import type { Criterion } from '@thidua/schema';
import { type ExplainedPoints, formatHundredths, parseHundredths } from '../hundredths.ts';

export type SelfAssessedCriterion = Extract<Criterion, { method: 'SELF_ASSESSED' }>;

/**
 * SELF_ASSESSED (SCORING.md §2): the lead's reviewed score if there is one, else the unit's own.
 * Both must lie in [0, max]; one outside was let through by validation, so it is a bug, not a score.
 */
export function scoreSelfAssessed(
  criterion: SelfAssessedCriterion,
  selfScore: string,
  reviewedScore: string | undefined,
): ExplainedPoints {
  const max = parseHundredths(criterion.maxPoints);
  const used = reviewedScore ?? selfScore;
  const points = parseHundredths(used);
  if (points < 0n || points > max) {
    throw new RangeError(
      `criterion ${criterion.code}: score ${used} is outside [0, ${formatHundredths(max)}]`,
    );
  }
  const pointsText = formatHundredths(points);

  if (reviewedScore === undefined) {
    return {
      points,
      inputs: { selfScore, scoreUsed: 'self' },
      formula: `self-score ${selfScore} = ${pointsText}`,
    };
  }
  return {
    points,
    inputs: { selfScore, reviewedScore, scoreUsed: 'reviewed' },
    formula: `reviewed ${reviewedScore} (self-score ${selfScore}) = ${pointsText}`,
  };
}
