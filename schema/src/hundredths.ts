/**
 * Points and decimal values are exact hundredths held in a bigint (SCORING.md §1): "12.5" is 1250n.
 * These are the only ways in and out of that form, so no binary float ever touches a score.
 */

const decimalPattern = /^-?\d+(?:\.\d{1,2})?$/;

/** "12" → 1200n, "-0.5" → -50n; null for anything that is not a decimal with at most 2 decimals. */
export function tryParseHundredths(value: string): bigint | null {
  if (!decimalPattern.test(value)) return null;
  // Without the point the digits are the hundredths once padded to two decimals: one BigInt and no
  // match groups, since scoring parses every figure of every scorecard it computes.
  const point = value.indexOf('.');
  if (point === -1) return BigInt(value) * 100n;
  const digits = BigInt(value.slice(0, point) + value.slice(point + 1));
  return value.length - point === 2 ? digits * 10n : digits;
}

/** As `tryParseHundredths`, for values already checked upstream: anything else is a bug. */
export function parseHundredths(value: string): bigint {
  const parsed = tryParseHundredths(value);
  if (parsed === null) throw new RangeError(`not a decimal with at most 2 decimals: "${value}"`);
  return parsed;
}

/** 1250n → "12.50", 0n → "0.00", -5n → "-0.05": always exactly two decimals. */
export function formatHundredths(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const digits = (negative ? -hundredths : hundredths).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
