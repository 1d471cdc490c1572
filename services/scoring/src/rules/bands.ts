import type { Criterion } from '@thidua/schema';
import { type ExplainedPoints, formatHundredths, parseHundredths } from '../hundredths.ts';

export type BandsCriterion = Extract<Criterion, { method: 'BANDS' }>;

/**
 * BANDS (SCORING.md §2): the points of the highest threshold the value reaches, else 0. The highest
 * reached threshold is searched for rather than trusting the scheme's order, so a scheme written
 * in descending order scores the same.
 */
export function scoreBands(criterion: BandsCriterion, value: string): ExplainedPoints {
  const v = parseHundredths(value);
  let reached: { threshold: string; thresholdHundredths: bigint; points: string } | undefined;
  for (const band of criterion.bands) {
    const threshold = parseHundredths(band.threshold);
    if (threshold <= v && (reached === undefined || threshold > reached.thresholdHundredths)) {
      reached = { threshold: band.threshold, thresholdHundredths: threshold, points: band.points };
    }
  }

  if (reached === undefined) {
    const lowest = criterion.bands
      .map((band) => band.threshold)
      .reduce((a, b) => (parseHundredths(b) < parseHundredths(a) ? b : a));
    return {
      points: 0n,
      inputs: { value, thresholdReached: 'none' },
      formula: `${value} < ${lowest} → 0.00`,
    };
  }
  const points = parseHundredths(reached.points);
  return {
    points,
    inputs: { value, thresholdReached: reached.threshold },
    formula: `${value} ≥ ${reached.threshold} → ${formatHundredths(points)}`,
  };
}
