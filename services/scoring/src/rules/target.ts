import type { Criterion } from '@thidua/schema';
import Fraction from 'fraction.js';
import {
  decimalToFraction,
  type ExplainedPoints,
  formatHundredths,
  parseHundredths,
  roundToHundredths,
} from '../hundredths.ts';

export type TargetCriterion = Extract<Criterion, { method: 'TARGET' }>;

/**
 * TARGET (SCORING.md §2): the target is the unit's registered pledge when there is one, else the
 * scheme's default. Higher is better: max × min(v / t, 1), t = 0 gives max. Lower is better:
 * v ≤ t gives max, else max × t / v.
 */
export function scoreTarget(
  criterion: TargetCriterion,
  value: string,
  pledge: string | undefined,
): ExplainedPoints {
  const target = pledge ?? criterion.defaultTarget;
  const max = parseHundredths(criterion.maxPoints);
  const maxText = formatHundredths(max);
  const inputs = {
    value,
    target,
    targetSource: pledge === undefined ? 'scheme default' : 'pledge',
    direction: criterion.direction,
  };
  const v = parseHundredths(value);
  const t = parseHundredths(target);

  if (criterion.direction === 'HIGHER_IS_BETTER') {
    if (t === 0n) {
      return { points: max, inputs, formula: `target ${target} = 0 → ${maxText}` };
    }
    const ratio = v >= t ? new Fraction(1) : new Fraction(v, t);
    const points = roundToHundredths(decimalToFraction(criterion.maxPoints).mul(ratio));
    return {
      points,
      inputs,
      formula: `${maxText} × min(${value} / ${target}, 1) = ${formatHundredths(points)}`,
    };
  }

  if (v <= t) {
    return { points: max, inputs, formula: `${value} ≤ ${target} → ${maxText}` };
  }
  // v > t ≥ 0 here, so v is never 0.
  const points = roundToHundredths(decimalToFraction(criterion.maxPoints).mul(t, v));
  return {
    points,
    inputs,
    formula: `${maxText} × ${target} / ${value} = ${formatHundredths(points)}`,
  };
}
