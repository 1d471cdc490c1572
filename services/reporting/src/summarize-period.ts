/**
 * A period's summary for the central board (SCORING.md §8): counts of submissions, every indicator
 * rolled up by its scheme's way (summed, averaged over the reporting units, or counted as yeses),
 * exact sums of the totals, the average and distribution of totals, classification counts
 * and the leader(s). Everything is computed in exact hundredths held in bigints (SCORING.md §1), so
 * a summary's figures equal the sums of the underlying scorecards exactly, and a roll-up over
 * clusters equals the summary of all their scorecards taken together.
 */

import {
  formatHundredths,
  tryParseHundredths,
  type Classification,
  type DistributionBand,
  type IndicatorRollUp,
  type PeriodSummary,
  type RollUpKind,
  type SummaryLeader,
} from '@thidua/schema';

export type { PeriodSummary };

/** A unit's counted scorecard for the period. */
export interface SummaryScorecard {
  unitCode: string;
  unitName: string;
  total: string;
  classification: Classification;
  onTime: boolean;
  /** The counted submission's indicator values. */
  indicators: Readonly<Record<string, string>>;
}

/** The width of a distribution band: 10.00 points. */
const bandWidth = 1000n;

/** Exact hundredths of a non-negative decimal; `what` names the value in the error (SCORING.md §1). */
function parseHundredths(value: string, what: string): bigint {
  const parsed = tryParseHundredths(value);
  if (parsed === null || parsed < 0n) {
    throw new RangeError(`${what}: not a non-negative decimal with at most 2 decimals: "${value}"`);
  }
  return parsed;
}

/** sum / count (count > 0) rounded once, half up, to hundredths: floor((2·sum + count) / 2·count). */
function quotientOf(sum: bigint, count: number): string {
  const n = BigInt(count);
  return formatHundredths((2n * sum + n) / (2n * n));
}

/** The average of `count` values adding up to `sum`; null when there is none. */
function averageOf(sum: bigint, count: number): string | null {
  return count === 0 ? null : quotientOf(sum, count);
}

/** Code-unit order, the same on every machine (no locale). */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Own properties defined by entries, so a code such as "__proto__" stays an ordinary key. */
function sortedRecord(sums: ReadonlyMap<string, bigint>): Record<string, string> {
  const codes = [...sums.keys()].sort(compareCodes);
  return Object.fromEntries(codes.map((code) => [code, formatHundredths(sums.get(code) ?? 0n)]));
}

function addInto(sums: Map<string, bigint>, code: string, value: bigint): void {
  sums.set(code, (sums.get(code) ?? 0n) + value);
}

/** What an indicator's roll-up adds up: the units that reported it and their values' sum. */
interface RollUpParts {
  rollUp: RollUpKind;
  reported: number;
  sum: bigint;
}

/**
 * Adds one unit's value, or one cluster's parts, into the indicator's parts. The same code rolled
 * up two ways by two schemes is kept apart under each way, so no average is ever added to a sum.
 */
function addParts(into: Map<string, RollUpParts>, code: string, parts: RollUpParts): void {
  const key = `${parts.rollUp} ${code}`;
  const sofar = into.get(key);
  into.set(key, {
    rollUp: parts.rollUp,
    reported: (sofar?.reported ?? 0) + parts.reported,
    sum: (sofar?.sum ?? 0n) + parts.sum,
  });
}

/** The roll-ups sorted by code (then by way), each with the figure its way shows. */
function rollUpsOf(parts: ReadonlyMap<string, RollUpParts>): IndicatorRollUp[] {
  return [...parts.entries()]
    .map(([key, { rollUp, reported, sum }]) => ({
      code: key.slice(rollUp.length + 1),
      rollUp,
      reported,
      sum: formatHundredths(sum),
      // An indicator is listed once a unit reported it, so `reported` is never 0 here; a yes is 1,
      // so the sum of yes/no values is the number of yeses.
      value: rollUp === 'AVERAGE' ? quotientOf(sum, reported) : formatHundredths(sum),
    }))
    .sort((a, b) => compareCodes(a.code, b.code) || compareCodes(a.rollUp, b.rollUp));
}

function countOf(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** The highest total among the candidates, all of them on a tie, sorted by unitCode. */
function leadersOf(
  candidates: readonly { leader: SummaryLeader; total: bigint }[],
): SummaryLeader[] {
  let best: bigint | null = null;
  for (const { total } of candidates) {
    if (best === null || total > best) {
      best = total;
    }
  }
  return candidates
    .filter(({ total }) => total === best)
    .map(({ leader }) => leader)
    .sort((a, b) => compareCodes(a.unitCode, b.unitCode));
}

function emptyBands(maxTotal: bigint): DistributionBand[] {
  const bands: DistributionBand[] = [];
  for (let from = 0n; from < maxTotal; from += bandWidth) {
    const to = from + bandWidth < maxTotal ? from + bandWidth : maxTotal;
    bands.push({ from: formatHundredths(from), to: formatHundredths(to), units: 0 });
  }
  return bands;
}

/**
 * Summarises one cluster's period from its members' counted scorecards (at most one per unit),
 * each indicator rolled up as `rollUps` (from the cluster's scheme) says; an indicator it does not
 * name is summed. Throws RangeError on a bug upstream: a unit counted twice, more scorecards than
 * members, a maxTotal that is not positive, or a value that is not a non-negative 2-decimal string.
 */
export function summarizePeriod(
  memberCount: number,
  maxTotal: string,
  scorecards: readonly SummaryScorecard[],
  rollUps: ReadonlyMap<string, RollUpKind>,
): PeriodSummary {
  const members = countOf(memberCount, 'memberCount');
  const max = parseHundredths(maxTotal, 'maxTotal');
  if (max === 0n) {
    throw new RangeError('maxTotal must be positive, got "0"');
  }
  if (scorecards.length > members) {
    throw new RangeError(
      `${scorecards.length} scorecards counted for a period with ${members} members`,
    );
  }

  const distribution = emptyBands(max);
  const classifications: Record<Classification, number> = {
    XUAT_SAC: 0,
    TOT: 0,
    HOAN_THANH: 0,
    KHONG_HOAN_THANH: 0,
  };
  const indicatorSums = new Map<string, bigint>();
  const indicatorParts = new Map<string, RollUpParts>();
  const seen = new Set<string>();
  const candidates: { leader: SummaryLeader; total: bigint }[] = [];
  let totalSum = 0n;
  let onTime = 0;

  for (const card of scorecards) {
    if (seen.has(card.unitCode)) {
      throw new RangeError(`unit "${card.unitCode}" has more than one counted scorecard`);
    }
    seen.add(card.unitCode);

    const total = parseHundredths(card.total, `total of "${card.unitCode}"`);
    totalSum += total;
    if (card.onTime) {
      onTime += 1;
    }
    classifications[card.classification] += 1;
    for (const [code, value] of Object.entries(card.indicators)) {
      const hundredths = parseHundredths(value, `"${card.unitCode}" indicator ${code}`);
      addInto(indicatorSums, code, hundredths);
      const rollUp = rollUps.get(code) ?? 'SUM';
      addParts(indicatorParts, code, { rollUp, reported: 1, sum: hundredths });
    }
    const bandIndex = Math.min(Number(total / bandWidth), distribution.length - 1);
    const band = distribution[bandIndex];
    if (band !== undefined) {
      band.units += 1;
    }
    candidates.push({
      leader: { unitCode: card.unitCode, unitName: card.unitName, total: formatHundredths(total) },
      total,
    });
  }

  const submitted = scorecards.length;
  return {
    members,
    submitted,
    onTime,
    late: submitted - onTime,
    missing: members - submitted,
    indicatorTotals: sortedRecord(indicatorSums),
    indicators: rollUpsOf(indicatorParts),
    totalSum: formatHundredths(totalSum),
    averageTotal: averageOf(totalSum, submitted),
    distribution,
    classifications,
    leaders: leadersOf(candidates),
  };
}

function sameBands(a: readonly DistributionBand[], b: readonly DistributionBand[]): boolean {
  return (
    a.length === b.length &&
    a.every((band, i) => {
      const other = b[i];
      return other !== undefined && band.from === other.from && band.to === other.to;
    })
  );
}

/**
 * Combines cluster summaries into an all-cluster one. Counts, sums, bands and classifications add
 * up exactly; the average is recomputed from the combined totalSum and submitted; the leaders are
 * the highest total over every cluster's leaders (all ties). Clusters scored out of different
 * maxTotals have bands that do not add up (a last band [90, 100] also counts totals above 100), so
 * their roll-up has no distribution rather than a wrong one; each cluster's summary keeps its own.
 * Throws RangeError when there is no summary.
 */
export function rollUp(summaries: readonly PeriodSummary[]): PeriodSummary {
  const [first] = summaries;
  if (first === undefined) {
    throw new RangeError('cannot roll up zero summaries: the distribution bands are unknown');
  }
  const comparable = summaries.every((summary) =>
    sameBands(first.distribution, summary.distribution),
  );
  const distribution = comparable ? first.distribution.map((band) => ({ ...band, units: 0 })) : [];
  const classifications: Record<Classification, number> = {
    XUAT_SAC: 0,
    TOT: 0,
    HOAN_THANH: 0,
    KHONG_HOAN_THANH: 0,
  };
  const indicatorSums = new Map<string, bigint>();
  const indicatorParts = new Map<string, RollUpParts>();
  const candidates: { leader: SummaryLeader; total: bigint }[] = [];
  let members = 0;
  let submitted = 0;
  let onTime = 0;
  let totalSum = 0n;

  for (const summary of summaries) {
    members += summary.members;
    submitted += summary.submitted;
    onTime += summary.onTime;
    totalSum += parseHundredths(summary.totalSum, 'totalSum');
    for (const [code, value] of Object.entries(summary.indicatorTotals)) {
      addInto(indicatorSums, code, parseHundredths(value, `indicator total ${code}`));
    }
    for (const part of summary.indicators) {
      const sum = parseHundredths(part.sum, `indicator sum ${part.code}`);
      addParts(indicatorParts, part.code, { rollUp: part.rollUp, reported: part.reported, sum });
    }
    summary.distribution.forEach((band, i) => {
      const target = distribution[i];
      if (target !== undefined) {
        target.units += band.units;
      }
    });
    for (const key of Object.keys(classifications) as Classification[]) {
      classifications[key] += summary.classifications[key];
    }
    for (const leader of summary.leaders) {
      const total = parseHundredths(leader.total, `leader total of "${leader.unitCode}"`);
      candidates.push({ leader: { ...leader, total: formatHundredths(total) }, total });
    }
  }

  return {
    members,
    submitted,
    onTime,
    late: submitted - onTime,
    missing: members - submitted,
    indicatorTotals: sortedRecord(indicatorSums),
    indicators: rollUpsOf(indicatorParts),
    totalSum: formatHundredths(totalSum),
    averageTotal: averageOf(totalSum, submitted),
    distribution,
    classifications,
    leaders: leadersOf(candidates),
  };
}
