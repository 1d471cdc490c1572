import { describe, expect, test } from 'vitest';
import {
  addOpenedPeriod,
  newestPerKey,
  StaleSet,
  type ClusterPeriod,
  type ClusterYear,
} from '../src/batch-keys.ts';

describe('what a batch made stale', () => {
  const event = (id: string) => ({ id, occurredAt: `2026-07-0${id}T00:00:00Z` });
  const cause = (id: string) => ({ causationId: id, causedAt: `2026-07-0${id}T00:00:00Z` });

  test('keeps each cluster-period once, in the order first marked, with the last event that marked it', () => {
    const stale = new StaleSet<ClusterPeriod>();
    stale.mark({ clusterCode: 'cum-01', periodId: '2026-H1' }, event('1'), 0);
    stale.mark({ clusterCode: 'cum-02', periodId: '2026-H1' }, event('2'), 1);
    stale.mark({ clusterCode: 'cum-01', periodId: '2026-FY' }, event('3'), 2);
    stale.mark({ clusterCode: 'cum-01', periodId: '2026-H1' }, event('5'), 4);
    // An event placed earlier in the batch, marked later, is not the cause.
    stale.mark({ clusterCode: 'cum-01', periodId: '2026-H1' }, event('4'), 3);
    expect(stale.items()).toEqual([
      { clusterCode: 'cum-01', periodId: '2026-H1', ...cause('5') },
      { clusterCode: 'cum-02', periodId: '2026-H1', ...cause('2') },
      { clusterCode: 'cum-01', periodId: '2026-FY', ...cause('3') },
    ]);
  });

  test('tells cluster-years apart by cluster and year', () => {
    const stale = new StaleSet<ClusterYear>();
    stale.mark({ clusterCode: 'cum-01', year: 2026 }, event('1'), 0);
    stale.mark({ clusterCode: 'cum-01', year: 2027 }, event('2'), 1);
    stale.mark({ clusterCode: 'cum-01', year: 2026 }, event('3'), 2);
    expect(stale.items()).toEqual([
      { clusterCode: 'cum-01', year: 2026, ...cause('3') },
      { clusterCode: 'cum-01', year: 2027, ...cause('2') },
    ]);
  });

  test('knows each opened period once, under its cluster-year', () => {
    const periods = new Map<string, string[]>([['cum-01/2026', ['2026-H1']]]);
    addOpenedPeriod(periods, { clusterCode: 'cum-01', periodId: '2026-FY' });
    addOpenedPeriod(periods, { clusterCode: 'cum-01', periodId: '2026-H1' });
    addOpenedPeriod(periods, { clusterCode: 'cum-02', periodId: '2027-H1' });
    expect(periods).toEqual(
      new Map([
        ['cum-01/2026', ['2026-H1', '2026-FY']],
        ['cum-02/2027', ['2027-H1']],
      ]),
    );
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
