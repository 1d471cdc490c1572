import type { Classification, ClassificationBands } from '@thidua/schema';

/** The classifications that have a band, best first (SCORING.md §4). */
const banded = ['XUAT_SAC', 'TOT', 'HOAN_THANH'] as const;

/**
 * Classification by total as a share of maxTotal (both in hundredths), with the scheme's bands
 * (whole percentages, falling, checked when the scheme is assigned): total / maxTotal ≥ p / 100
 * is tested as total × 100 ≥ p × maxTotal, so a boundary is never missed by a rounding error.
 *
 * A unit with a disqualifying deduction "cannot be XUAT_SAC"; SCORING.md does not say what it is
 * instead. We give it the next band, TOT: its total does reach TOT's threshold, and the rule takes
 * away only the top band, so demoting further would be a penalty the rules do not state.
 */
export function classify(
  total: bigint,
  maxTotal: bigint,
  bands: ClassificationBands,
  disqualified: boolean,
): Classification {
  const reached = banded.find((band) => total * 100n >= BigInt(bands[band]) * maxTotal);
  const classification = reached ?? 'KHONG_HOAN_THANH';
  return disqualified && classification === 'XUAT_SAC' ? 'TOT' : classification;
}
