import { derivedEventId } from '@thidua/kit';
import { scheme, type EventOf, type ResultsSubmittedV1 } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  periodClosed,
  periodOpened,
  resultsSubmitted,
  schemeAssigned,
} from '../../../test/support/given-events.ts';
import {
  countIndicator,
  relativeCriterion,
  selfAssessed,
  testScheme,
} from '../../../test/support/scheme.ts';
import { decide } from '../src/handle-batch.ts';
import { recompute } from '../src/recompute.ts';
import { bonusAdded, deadlineSet, indicatorReviewed, scoreReviewed } from './given-facts.ts';
import { emptyInputs, emptyState, type PeriodInputs, type ScoringState } from '../src/state.ts';

const deadline = '2026-07-15T17:00:00+07:00';

/** A cluster cum-01 whose 2026-H1 is opened and whose units a and b submitted version 1. */
function knownPeriod(): ScoringState {
  const state = emptyState();
  state.periods.set('cum-01/2026', new Map([['2026-H1', deadline]]));
  state.submissionVersions.set('cum-01/2026-H1/a', 1);
  state.submissionVersions.set('cum-01/2026-H1/b', 1);
  return state;
}

const staleOf = (decision: ReturnType<typeof decide>) =>
  decision.changes.stale.map((s) => [s.periodId, s.causationId]);

describe("scoring's decision on a batch's facts", () => {
  test('of a unit’s submissions the newest version wins, of equal ones the first; its period is stale by the last winner', () => {
    const first = resultsSubmitted('cum-01', '2026-H1', 'a', 2, { documents: '1' });
    const again = resultsSubmitted('cum-01', '2026-H1', 'a', 2, { documents: '9' });
    const other = resultsSubmitted('cum-01', '2026-H1', 'c', 1, { documents: '3' });
    const decision = decide(knownPeriod(), [first, again, other]);
    expect(decision.changes.submissions.map((s) => s.submission)).toEqual([first.data, other.data]);
    expect(staleOf(decision)).toEqual([['2026-H1', other.id]]);
    expect(decision.changes.stale[0]?.causedAt).toBe(other.occurredAt);
  });

  test('a submission no newer than the counted version changes nothing', () => {
    const decision = decide(knownPeriod(), [
      resultsSubmitted('cum-01', '2026-H1', 'a', 1, { documents: '5' }),
    ]);
    expect(decision.changes.submissions).toEqual([]);
    expect(decision.changes.stale).toEqual([]);
  });

  test('a scheme makes every period opened in its year stale, one opened earlier in the batch too; the other facts go before the submissions', () => {
    const submitted = resultsSubmitted('cum-01', '2026-H1', 'a', 2, { documents: '5' });
    const opened = periodOpened('cum-01', '2026-FY');
    const assigned = schemeAssigned('cum-01', 2026, { flagQuota: 1, meritQuota: { count: 1 } });
    const decision = decide(knownPeriod(), [submitted, opened, assigned]);
    expect(staleOf(decision)).toEqual([
      ['2026-FY', assigned.id],
      ['2026-H1', assigned.id],
    ]);
    expect(decision.changes.schemes).toEqual([
      { clusterCode: 'cum-01', year: 2026, scheme: assigned.data.scheme },
    ]);
    expect(decision.changes.deadlines).toEqual([
      { clusterCode: 'cum-01', periodId: '2026-FY', deadline: opened.data.deadline },
    ]);
  });

  test('a deadline moves, and a close closes, only a period already opened; only the move makes it stale', () => {
    const moved = deadlineSet('cum-01', '2026-H1', deadline);
    const decision = decide(knownPeriod(), [
      deadlineSet('cum-01', '2026-FY', deadline),
      periodClosed('cum-01', '2026-FY'),
      moved,
      periodClosed('cum-01', '2026-H1'),
    ]);
    expect(decision.changes.deadlines).toEqual([
      { clusterCode: 'cum-01', periodId: '2026-H1', deadline },
    ]);
    expect(decision.changes.closed).toEqual([{ clusterCode: 'cum-01', periodId: '2026-H1' }]);
    expect(staleOf(decision)).toEqual([['2026-H1', moved.id]]);
  });

  test('reviews and items make their period stale; the last review of a key counts, an item as first given', () => {
    const itemId = randomUUID();
    const bonus = bonusAdded('cum-01', 'a', itemId, '2');
    const sameItem = bonusAdded('cum-01', 'a', itemId, '4');
    const decision = decide(knownPeriod(), [
      scoreReviewed('cum-01', 'a', '1.2', '30'),
      indicatorReviewed('cum-01', 'a', '6'),
      bonus,
      scoreReviewed('cum-01', 'a', '1.2', '35'),
      indicatorReviewed('cum-01', 'a', '7'),
      sameItem,
    ]);
    expect(decision.changes.reviews.map((r) => r.reviewedScore)).toEqual(['35']);
    expect(decision.changes.indicatorReviews.map((r) => r.reviewedValue)).toEqual(['7']);
    expect(decision.changes.adjustments).toMatchObject([{ itemId, points: '2', kind: 'BONUS' }]);
    expect(staleOf(decision)).toEqual([['2026-H1', sameItem.id]]);
  });

  test('the loaded state is left as it was', () => {
    const state = knownPeriod();
    decide(state, [
      periodOpened('cum-01', '2026-FY'),
      resultsSubmitted('cum-01', '2026-H1', 'a', 5, { documents: '5' }),
    ]);
    expect(state).toEqual(knownPeriod());
  });
});

/** Documents advised, relative to the cluster's best, and a self-assessed 50. */
const relativeScheme = scheme.parse(
  testScheme(2026, {
    indicators: [countIndicator('documents', '500')],
    criteria: [relativeCriterion('1.1', '50', 'documents'), selfAssessed('1.2', '50')],
  }),
);

const submission = (
  unitCode: string,
  documents: string,
  selfScore: string,
): ResultsSubmittedV1 => ({
  ...resultsSubmitted('cum-01', '2026-H1', unitCode, 1, { documents }).data,
  selfScores: { '1.2': selfScore },
});

/** The inputs of cum-01's 2026-H1, where a advised 10 documents and b 20. */
function periodInputs(): PeriodInputs {
  const inputs = emptyInputs();
  inputs.deadlines.set('cum-01/2026-H1', deadline);
  inputs.schemes.set('cum-01/2026', relativeScheme);
  inputs.submissions.set('cum-01/2026-H1', [
    submission('a', '10', '40'),
    submission('b', '20', '30'),
  ]);
  return inputs;
}

const stalePeriod = {
  clusterCode: 'cum-01',
  periodId: '2026-H1',
  causationId: randomUUID(),
  causedAt: '2026-07-20T00:00:00Z',
};

const totalsOf = (emitted: readonly EventOf<'ScorecardComputed'>[]) =>
  emitted.map((e) => [e.data.unitCode, e.data.total]);

describe("scoring's rescoring of stale periods", () => {
  test('every counted submission of a stale period is scored, each scorecard caused by what made the period stale', () => {
    const rescored = recompute(periodInputs(), [stalePeriod]);
    expect(totalsOf(rescored.emit)).toEqual([
      ['a', '65.00'],
      ['b', '80.00'],
    ]);
    expect(rescored.emit[0]).toMatchObject({
      id: derivedEventId('ScorecardComputed', stalePeriod.causationId, 'a'),
      occurredAt: stalePeriod.causedAt,
      causationId: stalePeriod.causationId,
      source: 'scoring',
      clusterCode: 'cum-01',
    });
    expect(rescored.changes.scorecards.map((s) => JSON.parse(s.json) as unknown)).toEqual(
      rescored.emit.map((e) => e.data),
    );
  });

  test('a scorecard equal to the kept one is neither written nor emitted again', () => {
    const inputs = periodInputs();
    const first = recompute(inputs, [stalePeriod]);
    const [kept] = first.changes.scorecards;
    if (kept === undefined) throw new Error('expected a scorecard');
    inputs.fingerprints.set('cum-01/2026-H1/a', kept.fingerprint);
    inputs.fingerprints.set('cum-01/2026-H1/b', null);
    const again = recompute(inputs, [stalePeriod]);
    expect(totalsOf(again.emit)).toEqual([['b', '80.00']]);
    expect(again.changes.scorecards.map((s) => s.scorecard.unitCode)).toEqual(['b']);
  });

  test('a period waits for its deadline and its scheme', () => {
    const withoutScheme = periodInputs();
    withoutScheme.schemes.clear();
    const withoutDeadline = periodInputs();
    withoutDeadline.deadlines.clear();
    expect(recompute(withoutScheme, [stalePeriod]).emit).toEqual([]);
    expect(recompute(withoutDeadline, [stalePeriod]).emit).toEqual([]);
  });

  test('a reviewed value counts in the best value too; reviewed scores and items count in the total', () => {
    const inputs = periodInputs();
    inputs.indicatorReviews.set('cum-01/2026-H1/b', {
      documents: { reviewedValue: '5', reason: 'Số liệu chưa khớp', reviewer: 'central' },
    });
    inputs.reviewedScores.set('cum-01/2026-H1/a', { '1.2': '45' });
    inputs.adjustments.set('cum-01/2026-H1/a', [
      { kind: 'BONUS', points: '3', reason: 'Mô hình mới', disqualifying: false },
      { kind: 'DEDUCTION', points: '2', reason: 'Chậm báo cáo', disqualifying: true },
    ]);
    const rescored = recompute(inputs, [stalePeriod]);
    // a: 50 × 10 / 10 + 45 + 3 − 2; b: 50 × 5 / 10 + 30.
    expect(totalsOf(rescored.emit)).toEqual([
      ['a', '96.00'],
      ['b', '55.00'],
    ]);
    expect(rescored.emit[0]?.data).toMatchObject({
      bonus: '3.00',
      deductions: '2.00',
      disqualified: true,
    });
    expect(rescored.emit[1]?.data.reviewedIndicators).toMatchObject([
      { indicator: 'documents', submittedValue: '20', reviewedValue: '5' },
    ]);
  });

  test('a submission the scheme cannot score is reported, and the others are scored', () => {
    const inputs = periodInputs();
    inputs.submissions.set('cum-01/2026-H1', [
      { ...submission('a', '10', '40'), selfScores: {} },
      submission('b', '20', '30'),
    ]);
    const rescored = recompute(inputs, [stalePeriod]);
    expect(rescored.changes.unscorable).toMatchObject([
      { clusterCode: 'cum-01', periodId: '2026-H1', unitCode: 'a' },
    ]);
    expect(totalsOf(rescored.emit)).toEqual([['b', '80.00']]);
  });
});
