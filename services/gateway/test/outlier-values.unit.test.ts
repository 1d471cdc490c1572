import { describe, expect, test } from 'vitest';
import { outlierValues, type IndicatorValue } from '../src/outlier-values.ts';

const admitted = (values: Record<string, string>): IndicatorValue[] =>
  Object.entries(values).map(([unitCode, value]) => ({ unitCode, indicator: 'admitted', value }));

describe('outlierValues', () => {
  test('flags the absurd value of a small cluster against the other members', () => {
    // Others 80, 100, 120: Q1 90, Q3 110, IQR 20, upper fence 110 + 60 = 170.
    const flagged = outlierValues(
      admitted({ alpha: '100', beta: '80', gamma: '999999999999', delta: '120' }),
    );
    expect(flagged).toEqual([
      {
        unitCode: 'gamma',
        indicator: 'admitted',
        value: '999999999999',
        side: 'HIGH',
        fence: '170.00',
        others: 3,
        othersQ1: '90.00',
        othersQ3: '110.00',
        reason:
          '999999999999 is above 170.00 = Q3 + 3 × IQR and above 2 × Q3 (Q1 90.00, Q3 110.00 of the other 3 members)',
        reasonVi:
          '999999999999 vượt ngưỡng trên 170.00 = Q3 + 3 × IQR và vượt 2 × Q3 (Q1 90.00, Q3 110.00 của 3 đơn vị còn lại)',
      },
    ]);
  });

  test('keeps a value exactly on the fence and flags one a hundredth beyond it', () => {
    // Others 10, 20, 30: Q1 15, Q3 25, upper fence 25 + 3 × 10 = 55 (above 2 × Q3 = 50).
    const others = { a: '10', b: '20', c: '30' };
    expect(outlierValues(admitted({ ...others, d: '55' }))).toEqual([]);
    expect(outlierValues(admitted({ ...others, d: '55.01' })).map((f) => f.unitCode)).toEqual([
      'd',
    ]);
  });

  test('does not flag a value beyond the fence of closely agreeing others but within a factor of two', () => {
    // Others 1000, 1010, 1020: Q1 1005, Q3 1015, upper fence 1045, but 2 × Q3 = 2030.
    const others = { a: '1000', b: '1010', c: '1020' };
    expect(outlierValues(admitted({ ...others, d: '2030' }))).toEqual([]);
    expect(outlierValues(admitted({ ...others, d: '2030.01' }))).toMatchObject([
      { unitCode: 'd', side: 'HIGH', fence: '1045.00' },
    ]);
  });

  test('flags a value far below the others', () => {
    // Others 100, 110, 120, 130: Q1 107.5, Q3 122.5, lower fence 62.5, Q1 / 2 = 53.75.
    const others = { a: '100', b: '110', c: '120', d: '130' };
    expect(outlierValues(admitted({ ...others, e: '53.74' }))).toMatchObject([
      {
        unitCode: 'e',
        side: 'LOW',
        fence: '62.50',
        reason:
          '53.74 is below 62.50 = Q1 − 3 × IQR and below Q1 / 2 (Q1 107.50, Q3 122.50 of the other 4 members)',
      },
    ]);
    expect(outlierValues(admitted({ ...others, e: '53.75' }))).toEqual([]);
  });

  test('computes quartiles exactly, between hundredths where they fall', () => {
    // Others 0.01, 0.02, 0.03, 0.05, 0.06, 0.08 (n = 6): Q1 at position 1.25 → 0.0225, Q3 at 3.75
    // → 0.0575, upper fence 0.0575 + 3 × 0.035 = 0.1625: 0.16 stays, 0.17 is flagged.
    const others = { a: '0.01', b: '0.02', c: '0.03', d: '0.05', e: '0.06', f: '0.08' };
    expect(outlierValues(admitted({ ...others, g: '0.16' }))).toEqual([]);
    expect(outlierValues(admitted({ ...others, g: '0.17' }))).toMatchObject([
      { unitCode: 'g', fence: '0.1625', othersQ1: '0.0225', othersQ3: '0.0575' },
    ]);
  });

  test('flags nothing with fewer than three other values', () => {
    expect(outlierValues(admitted({ a: '1', b: '2', c: '999999999999' }))).toEqual([]);
  });

  test('flags a figure more than twice the one the other members all gave', () => {
    const others = { a: '100', b: '100', c: '100' };
    expect(outlierValues(admitted({ ...others, d: '200' }))).toEqual([]);
    expect(outlierValues(admitted({ ...others, d: '200.01' }))).toMatchObject([
      { unitCode: 'd', side: 'HIGH', fence: '100.00' },
    ]);
  });

  test('judges each indicator by its own values and orders by indicator, then unit', () => {
    const values: IndicatorValue[] = [
      ...admitted({ a: '10', b: '11', c: '12', d: '500' }),
      ...['a', 'b', 'c', 'd'].map((unitCode, i) => ({
        unitCode,
        indicator: 'advised',
        value: unitCode === 'a' ? '900' : String(10 + i),
      })),
    ];
    expect(outlierValues(values).map((f) => [f.indicator, f.unitCode])).toEqual([
      ['admitted', 'd'],
      ['advised', 'a'],
    ]);
  });
});
