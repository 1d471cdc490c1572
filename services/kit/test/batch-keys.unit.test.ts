import { describe, expect, test } from 'vitest';
import { newestPerKey, stalePeriod, stalePeriods, StaleSet } from '../src/batch-keys.ts';

describe('what a batch made stale', () => {
  test('keeps each key once, in the order first marked, with the last event that marked it', () => {
    const stale = new StaleSet<{ period: string; cause: string }>((item) => item.period);
    stale.mark({ period: '2026-H1', cause: 'a' }, 0);
    stale.mark({ period: '2026-FY', cause: 'b' }, 1);
    stale.mark({ period: '2026-H1', cause: 'c' }, 4);
    // An event placed earlier in the batch, marked later, is not the cause.
    stale.mark({ period: '2026-H1', cause: 'd' }, 2);
    expect(stale.items()).toEqual([
      { period: '2026-H1', cause: 'c' },
      { period: '2026-FY', cause: 'b' },
    ]);
  });

  test('tells stale periods apart by cluster and period, each caused by the event that marked it last', () => {
    const event = (id: string, clusterCode: string) => ({
      id,
      clusterCode,
      occurredAt: `2026-07-0${id}T00:00:00Z`,
    });
    const stale = stalePeriods();
    stale.mark(stalePeriod(event('1', 'cum-01'), '2026-H1'), 0);
    stale.mark(stalePeriod(event('2', 'cum-02'), '2026-H1'), 1);
    stale.mark(stalePeriod(event('3', 'cum-01'), '2026-H1'), 2);
    expect(stale.items()).toEqual([
      {
        clusterCode: 'cum-01',
        periodId: '2026-H1',
        causationId: '3',
        causedAt: '2026-07-03T00:00:00Z',
      },
      {
        clusterCode: 'cum-02',
        periodId: '2026-H1',
        causationId: '2',
        causedAt: '2026-07-02T00:00:00Z',
      },
    ]);
  });

  test('keeps the newest version of each key, the first or the last of equal ones as asked', () => {
    const events = [
      { unit: 'a', version: 2, id: 1 },
      { unit: 'b', version: 1, id: 2 },
      { unit: 'a', version: 3, id: 3 },
      { unit: 'a', version: 3, id: 4 },
      { unit: 'a', version: 1, id: 5 },
    ];
    const ids = (ties: 'first' | 'last') =>
      [
        ...newestPerKey(
          events,
          (e) => e.unit,
          (e) => e.version,
          ties,
        ).values(),
      ].map((e) => e.id);
    expect(ids('first')).toEqual([3, 2]);
    expect(ids('last')).toEqual([4, 2]);
  });
});
