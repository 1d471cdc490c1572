import { formatHundredths, parseHundredths } from '@thidua/schema';
import Fraction from 'fraction.js';

// Scoring's side of exact hundredths: the one rational step of a rule and its single rounding.

/** A criterion's points in hundredths, with the inputs used and the formula that produced them. */
export interface ExplainedPoints {
  points: bigint;
  inputs: Record<string, string>;
  formula: string;
}

export { formatHundredths, parseHundredths };

/** The exact rational value of a decimal string, for the one rational step of a rule. */
export function decimalToFraction(value: string): Fraction {
  return new Fraction(parseHundredths(value), 100n);
}

/**
 * numerator / denominator rounded once, half up, to hundredths. Negative ratios round half away
 * from zero so that a value and its negation round to opposite numbers.
 */
export function roundRatioToHundredths(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new RangeError(`cannot round ${numerator.toString()} / 0`);
  }
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  // floor(n·100/d + 1/2) = floor((2·n·100 + d) / 2d), all in integers.
  const rounded = (2n * n * 100n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** A Fraction rounded once, half up, to hundredths. */
export function roundToHundredths(value: Fraction): bigint {
  return roundRatioToHundredths(value.s * value.n, value.d);
}
