import type { Classification } from '@thidua/schema';

/** Lower bound of each band as a percentage of maxTotal, best first (SCORING.md §4). */
const bands: readonly { percent: bigint; classification: Classification }[] = [
  { percent: 90n, classification: 'XUAT_SAC' },
  { percent: 70n, classification: 'TOT' },
  { percent: 50n, classification: 'HOAN_THANH' },
];

/**
 * Classification by total as a share of maxTotal (both in hundredths): total / maxTotal ≥ p / 100
 * is tested as total × 100 ≥ p × maxTotal, so a boundary is never missed by a rounding error.
 *
 * A unit with a disqualifying deduction "cannot be XUAT_SAC"; SCORING.md does not say what it is
 * instead. We give it the next band, TOT: its total does reach TOT's threshold, and the rule takes
 * away only the top band, so demoting further would be a penalty the rules do not state.
 */
export function classify(total: bigint, maxTotal: bigint, disqualified: boolean): Classification {
  const band = bands.find(({ percent }) => total * 100n >= percent * maxTotal);
  const classification = band?.classification ?? 'KHONG_HOAN_THANH';
  return disqualified && classification === 'XUAT_SAC' ? 'TOT' : classification;
}
