import { formatHundredths, parseHundredths } from '@thidua/schema';

/** One unit's counted value of one indicator, as an exact decimal string. */
export interface IndicatorValue {
  unitCode: string;
  indicator: string;
  value: string;
}

/** A value far outside what the cluster's other members gave for the same indicator. */
export interface OutlierValue extends IndicatorValue {
  /** Above the upper fence or below the lower one. */
  side: 'HIGH' | 'LOW';
  /** The fence it lies beyond, exact (quartiles may fall on quarters of a hundredth). */
  fence: string;
  /** How many other members' values the quartiles were taken over. */
  others: number;
  othersQ1: string;
  othersQ3: string;
  reason: string;
  reasonVi: string;
}

/** Fewer other values than this describe no distribution; nothing is flagged against them. */
export const minimumOthers = 3;

/**
 * Exact quarters of a hundredth: quartiles by linear interpolation between order statistics land
 * on positions (n − 1) × p with p = 1/4 or 3/4, so four times a quartile is a whole number of
 * hundredths.
 */
type Quarters = bigint;

/** Four times the quartile p4/4 (p4 = 1 or 3) of sorted hundredths, by linear interpolation. */
function quartile(sorted: readonly bigint[], p4: 1n | 3n): Quarters {
  const position4 = BigInt(sorted.length - 1) * p4;
  const index = Number(position4 / 4n);
  const fraction4 = position4 % 4n;
  const below = sorted[index] ?? 0n;
  const above = sorted[index + 1] ?? below;
  return 4n * below + fraction4 * (above - below);
}

/** Quarters of a hundredth as a decimal: "12.50", or "12.5025" when it falls between hundredths. */
function formatQuarters(quarters: Quarters): string {
  if (quarters % 4n === 0n) return formatHundredths(quarters / 4n);
  const sign = quarters < 0n ? '-' : '';
  const tenThousandths = (quarters < 0n ? -quarters : quarters) * 25n;
  const fraction = (tenThousandths % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${sign}${(tenThousandths / 10000n).toString()}.${fraction.padEnd(2, '0')}`;
}

/**
 * The values far outside the cluster's distribution for their indicator (issue 12, item 3): each
 * unit's value is set against the values the other members gave for the same indicator, and is
 * flagged when it lies beyond Tukey's far-out fences of theirs and is also a factor of two away:
 * above Q3 + 3 × IQR and above 2 × Q3, or below Q1 − 3 × IQR and below Q1 / 2 (quartiles by linear
 * interpolation, as a spreadsheet's QUARTILE.INC). Leaving the unit out keeps one absurd value from
 * widening the very spread it is judged by, which matters in clusters of a few members; the factor
 * of two keeps ordinary differences from being flagged where the others happen to agree closely
 * (IQR near 0), as percentages near 100 do. At least `minimumOthers` other values are needed.
 * Arithmetic is exact (bigint hundredths), never floating point. Ordered by indicator, then unit.
 */
export function outlierValues(values: readonly IndicatorValue[]): OutlierValue[] {
  const byIndicator = new Map<string, { unitCode: string; value: string; hundredths: bigint }[]>();
  for (const { unitCode, indicator, value } of values) {
    const group = byIndicator.get(indicator) ?? [];
    group.push({ unitCode, value, hundredths: parseHundredths(value) });
    byIndicator.set(indicator, group);
  }
  const flagged: OutlierValue[] = [];
  for (const [indicator, group] of byIndicator) {
    for (const [index, candidate] of group.entries()) {
      const others = group
        .filter((_, other) => other !== index)
        .map((other) => other.hundredths)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (others.length < minimumOthers) continue;
      const q1 = quartile(others, 1n);
      const q3 = quartile(others, 3n);
      const value = 4n * candidate.hundredths;
      // Q3 + 3 × (Q3 − Q1) and Q1 − 3 × (Q3 − Q1), in quarters.
      const upper = 4n * q3 - 3n * q1;
      const lower = 4n * q1 - 3n * q3;
      // v > 2 × Q3 is 4v > 2 × 4Q3, and v < Q1 / 2 is 2 × 4v < 4Q1.
      const side =
        value > upper && value > 2n * q3 ? 'HIGH' : value < lower && 2n * value < q1 ? 'LOW' : null;
      if (side === null) continue;
      const fence = formatQuarters(side === 'HIGH' ? upper : lower);
      const [othersQ1, othersQ3] = [formatQuarters(q1), formatQuarters(q3)];
      const spread = `Q1 ${othersQ1}, Q3 ${othersQ3} of the other ${others.length} members`;
      const spreadVi = `Q1 ${othersQ1}, Q3 ${othersQ3} của ${others.length} đơn vị còn lại`;
      flagged.push({
        unitCode: candidate.unitCode,
        indicator,
        value: candidate.value,
        side,
        fence,
        others: others.length,
        othersQ1,
        othersQ3,
        reason:
          side === 'HIGH'
            ? `${candidate.value} is above ${fence} = Q3 + 3 × IQR and above 2 × Q3 (${spread})`
            : `${candidate.value} is below ${fence} = Q1 − 3 × IQR and below Q1 / 2 (${spread})`,
        reasonVi:
          side === 'HIGH'
            ? `${candidate.value} vượt ngưỡng trên ${fence} = Q3 + 3 × IQR và vượt 2 × Q3 (${spreadVi})`
            : `${candidate.value} dưới ngưỡng dưới ${fence} = Q1 − 3 × IQR và dưới Q1 / 2 (${spreadVi})`,
      });
    }
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return flagged.sort(
    (a, b) => compare(a.indicator, b.indicator) || compare(a.unitCode, b.unitCode),
  );
}
