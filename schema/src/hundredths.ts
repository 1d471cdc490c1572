/**
 * Points and decimal values are exact hundredths held in a bigint (SCORING.md §1): "12.5" is 1250n.
 * These are the only ways in and out of that form, so no binary float ever touches a score.
 */

const decimalPattern = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "12" → 1200n, "-0.5" → -50n; null for anything that is not a decimal with at most 2 decimals. */
export function tryParseHundredths(value: string): bigint | null {
  const match = decimalPattern.exec(value);
  if (match === null) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -magnitude : magnitude;
}

/** As `tryParseHundredths`, for values already checked upstream: anything else is a bug. */
export function parseHundredths(value: string): bigint {
  const parsed = tryParseHundredths(value);
  if (parsed === null) throw new RangeError(`not a decimal with at most 2 decimals: "${value}"`);
  return parsed;
}

/** 1250n → "12.50", 0n → "0.00", -5n → "-0.05": always exactly two decimals. */
export function formatHundredths(hundredths: bigint): string {
  const sign = hundredths < 0n ? '-' : '';
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  return `${sign}${(magnitude / 100n).toString()}.${cents}`;
}
