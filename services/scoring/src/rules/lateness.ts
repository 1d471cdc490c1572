import type { Scheme } from '@thidua/schema';
import { parseHundredths } from '../hundredths.ts';

const dayMs = 86_400_000n;

export interface Lateness {
  /** Started 24-hour periods after the deadline; 0 means on time. */
  periods: number;
  /** min(periods × latePointsPerDay, latePointsCap), in hundredths. */
  points: bigint;
}

/** Epoch milliseconds of an ISO instant with an offset; the offset makes the zone explicit. */
function epochMs(instant: string): bigint {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new RangeError(`not an ISO instant: "${instant}"`);
  }
  return BigInt(ms);
}

/**
 * Lateness (SCORING.md §3): every started 24-hour period between the deadline and the submission
 * costs latePointsPerDay, up to latePointsCap. Exactly at the deadline is on time; one second late
 * is one period. Time is compared as integer milliseconds, so sub-millisecond digits are ignored.
 */
export function computeLateness(
  deadline: string,
  submittedAt: string,
  rates: Pick<Scheme, 'latePointsPerDay' | 'latePointsCap'>,
): Lateness {
  const lateMs = epochMs(submittedAt) - epochMs(deadline);
  if (lateMs <= 0n) {
    return { periods: 0, points: 0n };
  }
  const periods = (lateMs + dayMs - 1n) / dayMs;
  const uncapped = periods * parseHundredths(rates.latePointsPerDay);
  const cap = parseHundredths(rates.latePointsCap);
  return { periods: Number(periods), points: uncapped < cap ? uncapped : cap };
}
