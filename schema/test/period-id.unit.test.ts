import { describe, expect, test } from 'vitest';
import { comparePeriodIds, isYearEnd, parsePeriodId, yearOf } from '../src/period-id.ts';

describe('period ids', () => {
  test('give their year and kind', () => {
    expect(parsePeriodId('2026-H1')).toEqual({ year: 2026, kind: 'H1' });
    expect(parsePeriodId('2026-FY')).toEqual({ year: 2026, kind: 'FY' });
    expect(yearOf('2031-H1')).toBe(2031);
    expect(isYearEnd('2026-FY')).toBe(true);
    expect(isYearEnd('2026-H1')).toBe(false);
  });

  test('a malformed id is refused, never read as the year NaN', () => {
    for (const id of ['26-H1', '2026-Q1', '2026-fy', '', 'abcd-FY']) {
      expect(() => parsePeriodId(id)).toThrow(/malformed period id/);
    }
  });

  test('order in time: by year, the first half before the year-end (not as text, where FY < H1)', () => {
    const ids = ['2026-H1', '2023-FY', '2026-FY', '2023-H1'];
    expect([...ids].sort(comparePeriodIds)).toEqual(['2023-H1', '2023-FY', '2026-H1', '2026-FY']);
    expect(comparePeriodIds('2026-FY', '2026-FY')).toBe(0);
  });
});
