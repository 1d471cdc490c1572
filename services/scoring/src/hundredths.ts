import Fraction from 'fraction.js';

/**
 * Points and decimal values are held as exact hundredths in a bigint (SCORING.md §1), so no binary
 * float ever touches a score. These helpers are the only way in and out of that form.
 */

const decimalPattern = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** A criterion's points in hundredths, with the inputs used and the formula that produced them. */
export interface ExplainedPoints {
  points: bigint;
  inputs: Record<string, string>;
  formula: string;
}

/** "12" → 1200n, "12.5" → 1250n, "62.47" → 6247n. Anything else is a bug upstream (zod checks it). */
export function parseHundredths(value: string): bigint {
  const match = decimalPattern.exec(value);
  if (match === null) {
    throw new RangeError(`not a decimal with at most 2 decimals: "${value}"`);
  }
  const [, sign = '', whole = '0', fraction = ''] = match;
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -magnitude : magnitude;
}

/** 1250n → "12.50", 0n → "0.00", -5n → "-0.05": always exactly two decimals. */
export function formatHundredths(hundredths: bigint): string {
  const sign = hundredths < 0n ? '-' : '';
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  return `${sign}${(magnitude / 100n).toString()}.${cents}`;
}

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
