import { describe, expect, test } from 'vitest';
import { decide } from '../src/handle-batch.ts';
import { emptyState, type RankingState } from '../src/state.ts';
import {
  clusterDefined,
  periodClosed,
  periodOpened,
  scorecard,
} from '../../../test/support/given-events.ts';

/** The state after a cluster of units a, b and c was defined for 2026 and its 2026-H1 opened. */
function knownCluster(): RankingState {
  const state = emptyState();
  const members = clusterDefined('cum-01', 2026, ['a', 'b', 'c']).data.members;
  state.members.set('cum-01/2026', members);
  state.periods.set('cum-01/2026', ['2026-H1']);
  return state;
}

const rankOf = (decision: ReturnType<typeof decide>) =>
  decision.emit.flatMap((event) =>
    event.type === 'StandingsChanged'
      ? event.data.entries.map((entry) => [entry.unitCode, entry.rank, entry.total])
      : [],
  );

describe("ranking's decision", () => {
  test('a scorecard makes its period stale; the standings are caused by the last event that did', () => {
    const first = scorecard('cum-01', '2026-H1', 'a', 1, '80.00');
    const second = scorecard('cum-01', '2026-H1', 'b', 1, '90.00');
    const decision = decide(knownCluster(), [first, second]);
    expect(rankOf(decision)).toEqual([
      ['b', 1, '90.00'],
      ['a', 2, '80.00'],
      ['c', null, null],
    ]);
    expect(decision.emit).toHaveLength(1);
    expect(decision.emit[0]).toMatchObject({
      type: 'StandingsChanged',
      causationId: second.id,
      occurredAt: second.occurredAt,
      source: 'ranking',
      data: { periodId: '2026-H1', revision: 1 },
    });
    expect(decision.changes.standings).toMatchObject([
      { clusterCode: 'cum-01', periodId: '2026-H1', revision: 1, changedAt: second.occurredAt },
    ]);
    expect(decision.changes.scorecards.map((s) => s.scorecard.unitCode)).toEqual(['a', 'b']);
  });

  test('a scorecard of an older submission version than the one kept changes nothing', () => {
    const state = knownCluster();
    const kept = scorecard('cum-01', '2026-H1', 'a', 3, '70.00');
    const keptCard = { submissionVersion: 3, scorecard: { ...kept.data } };
    state.scorecards.set('cum-01/2026-H1', new Map([['a', keptCard]]));
    const decision = decide(state, [scorecard('cum-01', '2026-H1', 'a', 2, '99.00')]);
    expect(decision.emit).toEqual([]);
    expect(decision.changes.scorecards).toEqual([]);
    expect(decision.changes.standings).toEqual([]);
  });

  test('of two scorecards of the same version in a batch the later wins; an older one after them is ignored', () => {
    const decision = decide(knownCluster(), [
      scorecard('cum-01', '2026-H1', 'a', 2, '60.00'),
      scorecard('cum-01', '2026-H1', 'a', 2, '65.00'),
      scorecard('cum-01', '2026-H1', 'a', 1, '99.00'),
    ]);
    expect(decision.changes.scorecards).toMatchObject([
      { submissionVersion: 2, scorecard: { unitCode: 'a', total: '65.00' } },
    ]);
    expect(rankOf(decision)[0]).toEqual(['a', 1, '65.00']);
  });

  test('a new membership makes every period opened in its year stale, one opened earlier in the batch too', () => {
    const state = knownCluster();
    state.periods.set('cum-01/2025', ['2025-FY']);
    state.members.set('cum-01/2025', clusterDefined('cum-01', 2025, ['a']).data.members);
    const opened = periodOpened('cum-01', '2026-FY');
    const defined = clusterDefined('cum-01', 2026, ['a', 'd']);
    const decision = decide(state, [opened, defined]);
    expect(
      decision.emit.map((e) => [e.type === 'StandingsChanged' && e.data.periodId, e.causationId]),
    ).toEqual([
      ['2026-FY', defined.id],
      ['2026-H1', defined.id],
    ]);
    expect(decision.changes.clusters).toEqual([
      { clusterCode: 'cum-01', year: 2026, members: defined.data.members },
    ]);
    expect(decision.changes.periods).toEqual([{ clusterCode: 'cum-01', periodId: '2026-FY' }]);
  });

  test('standings that differ only in movement are not a new revision', () => {
    const state = knownCluster();
    const first = decide(state, [scorecard('cum-01', '2026-H1', 'a', 1, '80.00')]);
    const [standings] = first.changes.standings;
    if (standings === undefined) throw new Error('expected standings');
    state.standings.set('cum-01/2026-H1', {
      revision: 1,
      entries: standings.entries.map((e) => ({ ...e, movement: e.rank === null ? null : 0 })),
    });
    state.scorecards.set(
      'cum-01/2026-H1',
      new Map(first.changes.scorecards.map((s) => [s.scorecard.unitCode, s])),
    );
    const again = decide(state, [scorecard('cum-01', '2026-H1', 'a', 1, '80.00')]);
    expect(again.emit).toEqual([]);
    expect(again.changes.standings).toEqual([]);
  });

  test('a period of a year without members is not ranked; events that do not order units change nothing', () => {
    const decision = decide(emptyState(), [
      scorecard('cum-02', '2026-H1', 'a', 1, '80.00'),
      periodClosed('cum-02', '2026-H1'),
    ]);
    expect(decision.emit).toEqual([]);
    expect(decision.changes.scorecards).toHaveLength(1);
  });

  test('the loaded state is left as it was', () => {
    const state = knownCluster();
    decide(state, [
      periodOpened('cum-01', '2026-FY'),
      scorecard('cum-01', '2026-H1', 'a', 1, '1.00'),
    ]);
    expect(state.periods.get('cum-01/2026')).toEqual(['2026-H1']);
    expect(state.scorecards.size).toBe(0);
  });
});
