import type { Criterion } from '@thidua/schema';
import { type ExplainedPoints, formatHundredths, parseHundredths } from '../hundredths.ts';

export type YesNoCriterion = Extract<Criterion, { method: 'YES_NO' }>;

/** YES_NO (SCORING.md §2): 1 gives max, 0 gives 0. Any other value should have been refused. */
export function scoreYesNo(criterion: YesNoCriterion, value: string): ExplainedPoints {
  const v = parseHundredths(value);
  if (v !== 0n && v !== 100n) {
    throw new RangeError(
      `criterion ${criterion.code}: YES_NO value must be 0 or 1, got "${value}"`,
    );
  }
  const points = v === 100n ? parseHundredths(criterion.maxPoints) : 0n;
  return {
    points,
    inputs: { value },
    formula: `${value} → ${formatHundredths(points)}`,
  };
}
