import type { Criterion } from '@thidua/schema';
import Fraction from 'fraction.js';
import {
  decimalToFraction,
  type ExplainedPoints,
  formatHundredths,
  parseHundredths,
  roundToHundredths,
} from '../hundredths.ts';

export type RelativeCriterion = Extract<Criterion, { method: 'RELATIVE' }>;

/**
 * RELATIVE (SCORING.md §2), against the best value b among the cluster's scored units. Higher is
 * better: max × v / b, b = 0 gives everyone max. Lower is better: max × b / v, v = 0 gives max.
 * The ratio is capped at 1: the unit itself is among those scored, so a ratio above 1 can only
 * come from a stale best value, and it must not earn more than the criterion's maximum.
 */
export function scoreRelative(
  criterion: RelativeCriterion,
  value: string,
  bestValue: string,
): ExplainedPoints {
  const max = parseHundredths(criterion.maxPoints);
  const maxText = formatHundredths(max);
  const inputs = { value, bestValue, direction: criterion.direction };
  const v = parseHundredths(value);
  const b = parseHundredths(bestValue);
  const higher = criterion.direction === 'HIGHER_IS_BETTER';

  if (higher && b === 0n) {
    return { points: max, inputs, formula: `best ${bestValue} = 0 → ${maxText}` };
  }
  if (!higher && v === 0n) {
    return { points: max, inputs, formula: `${value} = 0 → ${maxText}` };
  }

  const [numerator, denominator, numeratorText, denominatorText] = higher
    ? [v, b, value, bestValue]
    : [b, v, bestValue, value];
  if (numerator > denominator) {
    return {
      points: max,
      inputs,
      formula: `${maxText} × min(${numeratorText} / ${denominatorText}, 1) = ${maxText}`,
    };
  }
  const ratio = new Fraction(numerator, denominator);
  const points = roundToHundredths(decimalToFraction(criterion.maxPoints).mul(ratio));
  return {
    points,
    inputs,
    formula: `${maxText} × ${numeratorText} / ${denominatorText} = ${formatHundredths(points)}`,
  };
}
