import { describe, expect, test } from 'vitest';
import {
  awardDecided,
  clusterDefined,
  periodClosed,
  schemeAssigned,
  scorecard,
  standingsChanged,
} from '../../../test/support/given-events.ts';
import { decide } from '../src/handle-batch.ts';
import { emptyState } from '../src/state.ts';

const yearEnd = (clusterCode: string) => [
  clusterDefined(clusterCode, 2026, ['a', 'b', 'c']),
  schemeAssigned(clusterCode, 2026, { flagQuota: 1, meritQuota: { count: 1 } }),
  scorecard(clusterCode, '2026-FY', 'a', 1, '90.00', 'XUAT_SAC'),
  scorecard(clusterCode, '2026-FY', 'b', 1, '89.00', 'XUAT_SAC'),
  scorecard(clusterCode, '2026-FY', 'c', 1, '88.00', 'XUAT_SAC'),
  standingsChanged(clusterCode, '2026-FY', 1, ['a', 'b', 'c']),
];

describe("awards' decision", () => {
  test('no sheet before the year-end period closes; closing it proposes one, caused by the closing', () => {
    expect(decide(emptyState(), yearEnd('cum-01')).emit).toEqual([]);
    const closed = periodClosed('cum-01', '2026-FY');
    const decision = decide(emptyState(), [...yearEnd('cum-01'), closed]);
    expect(decision.emit).toMatchObject([
      {
        type: 'AwardsChanged',
        causationId: closed.id,
        data: {
          year: 2026,
          revision: 1,
          lines: [
            { unitCode: 'a', proposed: 'FLAG', status: 'PROPOSED' },
            { unitCode: 'b', proposed: 'MERIT', status: 'PROPOSED' },
          ],
        },
      },
    ]);
    expect(decision.changes.closedYears).toEqual([{ clusterCode: 'cum-01', year: 2026 }]);
    expect(decision.changes.sheets.map((s) => s.revision)).toEqual([1]);
  });

  test('the sheet waits while a ranked unit has no year-end scorecard', () => {
    const events = yearEnd('cum-02').filter(
      (e) => !(e.type === 'ScorecardComputed' && e.data.unitCode === 'c'),
    );
    const decision = decide(emptyState(), [...events, periodClosed('cum-02', '2026-FY')]);
    expect(decision.emit).toEqual([]);
    expect(decision.changes.sheets).toEqual([]);
  });

  test('standings not newer than those kept are not kept; a sheet worked out to the same is not emitted again', () => {
    const first = decide(emptyState(), [...yearEnd('cum-03'), periodClosed('cum-03', '2026-FY')]);
    const state = emptyState();
    const key = 'cum-03/2026';
    const [sheet] = first.changes.sheets;
    const [standings] = first.changes.standings;
    if (sheet === undefined || standings === undefined) throw new Error('expected a sheet');
    state.memberCounts.set(key, 3);
    state.rules.set(key, { flagQuota: 1, meritQuota: { count: 1 }, awardsRequireOnTime: true });
    state.closed.add(key);
    state.standings.set(key, standings);
    state.scorecards.set(key, new Map(first.changes.scorecards.map((s) => [s.unitCode, s])));
    state.sheets.set(key, { revision: 1, sheet: sheet.sheet });

    const notNewer = standingsChanged('cum-03', '2026-FY', 1, ['c', 'b', 'a']);
    const decision = decide(state, [notNewer]);
    expect(decision.changes.standings).toEqual([]);
    expect(decision.emit).toEqual([]);
  });

  test('a decision on a proposed line grants it in a new revision', () => {
    const decided = awardDecided('cum-04', 2026, 'a', 'FLAG');
    const decision = decide(emptyState(), [
      ...yearEnd('cum-04'),
      periodClosed('cum-04', '2026-FY'),
      decided,
    ]);
    expect(decision.emit).toHaveLength(1);
    expect(decision.emit[0]).toMatchObject({ causationId: decided.id, data: { revision: 1 } });
    expect(decision.changes.decisions).toHaveLength(1);
    expect(
      decision.emit.flatMap((e) =>
        e.type === 'AwardsChanged' ? e.data.lines.map((l) => [l.unitCode, l.granted]) : [],
      ),
    ).toEqual([
      ['a', 'FLAG'],
      ['b', null],
    ]);
  });
});
