import type { Criterion } from '@thidua/schema';
import {
  decimalToFraction,
  type ExplainedPoints,
  formatHundredths,
  parseHundredths,
  roundToHundredths,
} from '../hundredths.ts';

export type CountCriterion = Extract<Criterion, { method: 'COUNT' }>;

/** COUNT (SCORING.md §2): min(max, v × p), e.g. 0.50 per document advised. */
export function scoreCount(criterion: CountCriterion, value: string): ExplainedPoints {
  const max = parseHundredths(criterion.maxPoints);
  // v is a whole count once validated; rounding keeps the rule exact even if it were not.
  const product = roundToHundredths(
    decimalToFraction(value).mul(decimalToFraction(criterion.pointsPerItem)),
  );
  const points = product < max ? product : max;
  return {
    points,
    inputs: { value, pointsPerItem: criterion.pointsPerItem },
    formula: `min(${formatHundredths(max)}, ${value} × ${criterion.pointsPerItem}) = ${formatHundredths(points)}`,
  };
}
