import type { PublishedSummary } from '@thidua/schema';
import { describe, expect, test } from 'vitest';
import {
  clusterDefined,
  periodClosed,
  periodOpened,
  resultsSubmitted,
  schemeAssigned,
  scorecard,
} from '../../../test/support/given-events.ts';
import { awardLine, awardsChanged } from './award-sheets.ts';
import { decide, decideRollUps } from '../src/handle-batch.ts';
import { ALL_CLUSTERS } from '../src/recompute.ts';
import { emptyState, type KeptScorecard, type ReportingState } from '../src/state.ts';

/** The state after cluster rep-01 of units a, b and c was given a scheme for 2026 and opened 2026-H1. */
function knownCluster(): ReportingState {
  const state = emptyState();
  state.members.set('rep-01/2026', clusterDefined('rep-01', 2026, ['a', 'b', 'c']).data.members);
  state.schemes.set('rep-01/2026', {
    maxTotal: '100',
    rollUps: { rate: 'AVERAGE', filed: 'YES_COUNT' },
  });
  state.periods.set('rep-01/2026', ['2026-H1']);
  return state;
}

const kept = (unitCode: string, submissionVersion: number, total: string): KeptScorecard => ({
  unitCode,
  submissionVersion,
  total,
  classification: 'TOT',
  onTime: true,
  reviewedValues: {},
});

const late = (event: ReturnType<typeof scorecard>) => ({
  ...event,
  data: { ...event.data, onTime: false },
});

/** The summary the decision writes for the cluster's period. */
function summaryOf(
  decision: ReturnType<typeof decide>,
  periodId: string,
  clusterCode = 'rep-01',
): PublishedSummary | undefined {
  return decision.changes.summaries.find(
    (s) => s.clusterCode === clusterCode && s.periodId === periodId,
  )?.summary;
}

describe("reporting's decision", () => {
  test('given a cluster with its scheme, when units submit and are scored, then the summary counts on-time, late and missing and rolls the indicators up exactly', () => {
    const decision = decide(knownCluster(), [
      resultsSubmitted('rep-01', '2026-H1', 'a', 1, { adm: '0.10', rate: '50', filed: '1' }),
      scorecard('rep-01', '2026-H1', 'a', 1, '80.00', 'XUAT_SAC'),
      resultsSubmitted('rep-01', '2026-H1', 'b', 1, { adm: '0.20', rate: '75.5', filed: '0' }),
      late(scorecard('rep-01', '2026-H1', 'b', 1, '70.50')),
    ]);
    expect(decision.emit).toEqual([]);
    expect(decision.changes.summaries).toHaveLength(1);
    expect(summaryOf(decision, '2026-H1')).toMatchObject({
      members: 3,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 1,
      totalSum: '150.50',
      averageTotal: '75.25',
      indicatorTotals: { adm: '0.30', filed: '1.00', rate: '125.50' },
      indicators: [
        { code: 'adm', rollUp: 'SUM', reported: 2, sum: '0.30', value: '0.30' },
        { code: 'filed', rollUp: 'YES_COUNT', reported: 2, sum: '1.00', value: '1.00' },
        { code: 'rate', rollUp: 'AVERAGE', reported: 2, sum: '125.50', value: '62.75' },
      ],
      classifications: { XUAT_SAC: 1, TOT: 1 },
      leaders: [{ unitCode: 'a', total: '80.00' }],
      awards: null,
    });
    expect(decision.changes.submissions.map((s) => [s.unitCode, s.submissionVersion])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(decision.changes.scorecards.map((s) => [s.unitCode, s.total, s.onTime])).toEqual([
      ['a', '80.00', true],
      ['b', '70.50', false],
    ]);
  });

  test('given a scorecard whose submission is not kept, when the submission arrives, then the unit is counted', () => {
    const before = decide(knownCluster(), [scorecard('rep-01', '2026-H1', 'a', 1, '80.00')]);
    expect(before.changes.scorecards).toHaveLength(1);
    expect(summaryOf(before, '2026-H1')).toMatchObject({ submitted: 0, missing: 3 });

    const state = knownCluster();
    state.scorecards.set('rep-01/2026-H1', new Map([['a', kept('a', 1, '80.00')]]));
    const after = decide(state, [resultsSubmitted('rep-01', '2026-H1', 'a', 1, { adm: '4' })]);
    expect(after.changes.scorecards).toEqual([]);
    expect(summaryOf(after, '2026-H1')).toMatchObject({
      submitted: 1,
      totalSum: '80.00',
      indicatorTotals: { adm: '4.00' },
    });
  });

  test('given a newer version counted, when an older scorecard arrives, then no scorecard is written and the summary keeps the newer', () => {
    const state = knownCluster();
    state.scorecards.set('rep-01/2026-H1', new Map([['a', kept('a', 2, '60.00')]]));
    state.submissions.set('rep-01/2026-H1/a/1', { adm: '9' });
    state.submissions.set('rep-01/2026-H1/a/2', { adm: '6' });
    const decision = decide(state, [scorecard('rep-01', '2026-H1', 'a', 1, '99.00')]);
    expect(decision.changes.scorecards).toEqual([]);
    expect(summaryOf(decision, '2026-H1')).toMatchObject({
      totalSum: '60.00',
      indicatorTotals: { adm: '6.00' },
    });
  });

  test('given a version kept, when it and a new one are submitted twice and scored twice, then each version keeps its first values and the later scorecard of a version wins', () => {
    const state = knownCluster();
    state.submissions.set('rep-01/2026-H1/a/1', { adm: '1' });
    const decision = decide(state, [
      resultsSubmitted('rep-01', '2026-H1', 'a', 1, { adm: '5' }),
      resultsSubmitted('rep-01', '2026-H1', 'a', 2, { adm: '2' }),
      resultsSubmitted('rep-01', '2026-H1', 'a', 2, { adm: '3' }),
      scorecard('rep-01', '2026-H1', 'a', 2, '60.00'),
      scorecard('rep-01', '2026-H1', 'a', 2, '65.00'),
    ]);
    expect(decision.changes.submissions).toEqual([
      {
        clusterCode: 'rep-01',
        periodId: '2026-H1',
        unitCode: 'a',
        submissionVersion: 2,
        indicators: { adm: '2' },
      },
    ]);
    expect(decision.changes.scorecards.map((s) => [s.submissionVersion, s.total])).toEqual([
      [2, '65.00'],
    ]);
    expect(summaryOf(decision, '2026-H1')).toMatchObject({
      totalSum: '65.00',
      indicatorTotals: { adm: '2.00' },
    });
  });

  test('given a reviewed indicator, when its scorecard arrives, then the summary adds the reviewed value instead of the submitted one', () => {
    const reviewed = scorecard('rep-01', '2026-H1', 'a', 1, '80.00');
    const review = { submittedValue: '5', reason: 'Sai số liệu', reviewer: 'thamdinh' };
    const decision = decide(knownCluster(), [
      resultsSubmitted('rep-01', '2026-H1', 'a', 1, { adm: '5', rate: '90' }),
      {
        ...reviewed,
        data: {
          ...reviewed.data,
          reviewedIndicators: [{ indicator: 'adm', reviewedValue: '4', ...review }],
        },
      },
    ]);
    expect(decision.changes.scorecards[0]?.reviewedValues).toEqual({ adm: '4' });
    expect(summaryOf(decision, '2026-H1')?.indicatorTotals).toEqual({ adm: '4.00', rate: '90.00' });
  });

  test('given scorecards of a unit outside the membership, when the membership of its year names it, then every period of the year is summarised again, one opened earlier in the batch too', () => {
    const state = knownCluster();
    state.scorecards.set(
      'rep-01/2026-H1',
      new Map([
        ['a', kept('a', 1, '80.00')],
        ['z', kept('z', 1, '70.00')],
      ]),
    );
    state.submissions.set('rep-01/2026-H1/a/1', {});
    state.submissions.set('rep-01/2026-H1/z/1', {});
    expect(summaryOf(decide(state, [periodClosed('rep-01', '2026-H1')]), '2026-H1')).toBe(
      undefined,
    );

    const opened = periodOpened('rep-01', '2026-FY');
    const defined = clusterDefined('rep-01', 2026, ['a', 'z']);
    const decision = decide(state, [opened, defined]);
    expect(decision.changes.summaries.map((s) => s.periodId)).toEqual(['2026-FY', '2026-H1']);
    expect(summaryOf(decision, '2026-H1')).toMatchObject({
      members: 2,
      submitted: 2,
      totalSum: '150.00',
    });
    expect(summaryOf(decision, '2026-FY')).toMatchObject({
      members: 2,
      submitted: 0,
      awards: { proposedFlags: 0, grantedMerits: 0 },
    });
    expect(decision.changes.clusters).toEqual([
      { clusterCode: 'rep-01', year: 2026, members: defined.data.members },
    ]);
    expect(decision.changes.periods).toEqual([{ clusterCode: 'rep-01', periodId: '2026-FY' }]);
  });

  test("given a year's periods, when its scheme is assigned, then the maximum and each indicator's roll-up are kept and the periods summarised again", () => {
    const decision = decide(knownCluster(), [
      schemeAssigned('rep-01', 2026, { flagQuota: 1, meritQuota: { count: 1 } }),
    ]);
    const [kept] = decision.changes.schemes;
    expect(kept).toMatchObject({ clusterCode: 'rep-01', year: 2026, maxTotal: '100' });
    expect(kept?.rollUps).toMatchObject({
      newPartyMembersAdmitted: 'SUM',
      assignedTasksCompletedPercent: 'AVERAGE',
      workProgrammeCompleted: 'YES_COUNT',
    });
    expect(decision.changes.summaries.map((s) => s.periodId)).toEqual(['2026-H1']);
  });

  test('given a year-end period, when its award sheet changes, then its summary counts the lines; an older revision is not kept but the period is summarised again', () => {
    const state = knownCluster();
    state.periods.set('rep-01/2026', ['2026-H1', '2026-FY']);
    const sheet = awardsChanged('rep-01', 2026, 2, [
      awardLine('a', 'FLAG', true),
      awardLine('b', 'MERIT', false),
    ]);
    const decision = decide(state, [sheet]);
    expect(decision.changes.sheets).toEqual([
      { clusterCode: 'rep-01', year: 2026, revision: 2, lines: sheet.data.lines },
    ]);
    expect(summaryOf(decision, '2026-FY')?.awards).toMatchObject({
      proposedFlags: 1,
      proposedMerits: 1,
      approved: 1,
      undecided: 1,
      grantedFlags: 1,
      grantedMerits: 0,
    });

    state.sheets.set('rep-01/2026', { revision: 2, lines: sheet.data.lines });
    const older = decide(state, [awardsChanged('rep-01', 2026, 1, [])]);
    expect(older.changes.sheets).toEqual([]);
    expect(summaryOf(older, '2026-FY')?.awards).toMatchObject({ proposedFlags: 1, approved: 1 });
  });

  test('a period of a year without members or scheme is not summarised; events that do not reach the summaries make nothing stale', () => {
    const decision = decide(emptyState(), [
      scorecard('rep-02', '2026-H1', 'a', 1, '80.00'),
      periodClosed('rep-02', '2026-H1'),
    ]);
    expect(decision.changes.summaries).toEqual([]);
    expect(decision.changes.scorecards).toHaveLength(1);
    expect(decide(knownCluster(), [periodClosed('rep-01', '2026-H1')]).changes.summaries).toEqual(
      [],
    );
  });

  test('the loaded state is left as it was', () => {
    const state = knownCluster();
    state.scorecards.set('rep-01/2026-H1', new Map([['a', kept('a', 1, '10.00')]]));
    decide(state, [
      periodOpened('rep-01', '2026-FY'),
      resultsSubmitted('rep-01', '2026-H1', 'b', 1, {}),
      scorecard('rep-01', '2026-H1', 'b', 1, '1.00'),
    ]);
    expect(state.periods.get('rep-01/2026')).toEqual(['2026-H1']);
    expect([...(state.scorecards.get('rep-01/2026-H1')?.keys() ?? [])]).toEqual(['a']);
    expect(state.submissions.size).toBe(0);
  });
});

describe("reporting's roll-up", () => {
  test('given two clusters summarised, when a period is rolled up, then counts and sums add up exactly, averages are over every reporting unit and award counts are added at a year end', () => {
    const other = knownCluster();
    other.members.set('rep-03/2026', clusterDefined('rep-03', 2026, ['d']).data.members);
    other.schemes.set('rep-03/2026', { maxTotal: '100', rollUps: { rate: 'AVERAGE' } });
    const scoredH1 = decide(other, [
      resultsSubmitted('rep-01', '2026-H1', 'a', 1, { adm: '0.10', rate: '10' }),
      scorecard('rep-01', '2026-H1', 'a', 1, '80.10'),
      resultsSubmitted('rep-01', '2026-H1', 'b', 1, { adm: '0.10', rate: '20' }),
      scorecard('rep-01', '2026-H1', 'b', 1, '60.00'),
      resultsSubmitted('rep-03', '2026-H1', 'd', 1, { adm: '0.10', rate: '90' }),
      scorecard('rep-03', '2026-H1', 'd', 1, '70.20'),
    ]);
    const h1 = scoredH1.changes.summaries.map((s) => s.summary);
    const fy = decide(other, [
      awardsChanged('rep-01', 2026, 1, [awardLine('a', 'FLAG', true)]),
      awardsChanged('rep-03', 2026, 1, [awardLine('d', 'MERIT', true)]),
    ]).changes.summaries.map((s) => s.summary);
    expect([h1.length, fy.length]).toEqual([2, 2]);

    const decision = decideRollUps(
      new Map([
        ['2026-H1', h1],
        ['2026-FY', fy],
        ['2025-FY', []],
      ]),
    );
    expect(decision.emit).toEqual([]);
    expect(decision.changes.map((s) => [s.clusterCode, s.periodId])).toEqual([
      [ALL_CLUSTERS, '2026-H1'],
      [ALL_CLUSTERS, '2026-FY'],
    ]);
    expect(decision.changes[0]?.summary).toMatchObject({
      members: 4,
      submitted: 3,
      missing: 1,
      totalSum: '210.30',
      averageTotal: '70.10',
      indicatorTotals: { adm: '0.30', rate: '120.00' },
      indicators: [
        { code: 'adm', rollUp: 'SUM', reported: 3, value: '0.30' },
        { code: 'rate', rollUp: 'AVERAGE', reported: 3, value: '40.00' },
      ],
      leaders: [{ unitCode: 'a', total: '80.10' }],
      awards: null,
    });
    expect(decision.changes[1]?.summary.awards).toMatchObject({
      proposedFlags: 1,
      proposedMerits: 1,
      approved: 2,
      grantedFlags: 1,
      grantedMerits: 1,
    });
  });
});
