import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openContest, persisted, submissionVariables, submitResults } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import { selfAssessed, targetCriterion, testScheme } from '../support/scheme.ts';
import { eventually, startSystem, type RunningSystem } from '../support/system.ts';

// Three units: "alpha" leads the cluster, "beta" is its deputy. Points below are worked out by
// hand from SCORING.md, in the comments next to each expectation.
const year = 2026;
const periodId = `${year}-H1`;
interface Card {
  total: string;
  bonus: string;
  lateness: string;
  deductions: string;
  classification: string;
  disqualified: boolean;
  onTime: boolean;
  criteria: { code: string; points: string; inputs: Record<string, string> }[];
}

describe('reviews, pledges, bonus and deduction items, and a moved deadline', () => {
  let system: RunningSystem;
  const mutate = (operation: string, variables: Record<string, unknown>, as = 'central') =>
    persisted(system, operation, variables, as);
  // Not the persisted Scorecard: this test also reads whether the unit is disqualified.
  const card = async (unit: string) => {
    const { data } = await system.graphql(
      `query($unit: String!, $period: String!) { scorecard(unit: $unit, period: $period) {
         total bonus lateness deductions classification disqualified onTime
         criteria { code points inputs } } }`,
      { unit, period: periodId },
    );
    return (data as { scorecard: Card | null }).scorecard;
  };
  const submit = (unit: string, admitted: string, self: string) =>
    submitResults(system, unit, periodId, { admitted }, { '1.2': self });
  const review = (unit: string, score: string, reviewer: string) =>
    mutate(
      'ReviewScore',
      {
        unitCode: unit,
        periodId,
        criterion: '1.2',
        reviewedScore: score,
        reason: 'Thiếu minh chứng',
      },
      reviewer,
    );
  let firstSubmittedAt = '';

  beforeAll(async () => {
    system = await startSystem();
    await openContest(system, {
      clusterCode: 'cum-t',
      name: 'Cụm thử',
      year,
      lead: 'alpha',
      deputies: ['beta'],
      members: [
        { unitCode: 'alpha', name: 'Ban Tổ chức Alpha' },
        { unitCode: 'beta', name: 'Ban Tổ chức Beta' },
        { unitCode: 'gamma', name: 'Ban Tổ chức Gamma' },
      ],
      scheme: testScheme(year, {
        criteria: [targetCriterion('1.1', '50', 'admitted', '100'), selfAssessed('1.2', '50')],
      }),
      periodId,
    });
    const pledged = await mutate(
      'RegisterPledges',
      { unitCode: 'gamma', year, targets: [{ indicator: 'admitted', target: '200' }] },
      'gamma',
    );
    expect(pledged.__typename).toBe('PledgesRegistered');
    const first = await submit('alpha', '100', '45');
    firstSubmittedAt = first.submittedAt as string;
    await submit('beta', '80', '44');
    await submit('gamma', '150', '48');
  });

  afterAll(async () => {
    await system.stop();
  });

  test('scores a TARGET criterion against the unit’s own pledge', async () => {
    // gamma pledged 200: 50 × 150 / 200 = 37.50, plus its self-score 48 = 85.50.
    const gamma = await eventually(async () => {
      const c = await card('gamma');
      return c?.total === '85.50' ? c : undefined;
    });
    expect(gamma.criteria[0]?.points).toBe('37.50');
    expect(gamma.criteria[0]?.inputs).toMatchObject({ target: '200' });
  });

  test.each([
    {
      name: 'the lead reviewing itself',
      unit: 'alpha',
      score: '40',
      reviewer: 'alpha',
      refusal: 'ForbiddenError',
    },
    {
      name: 'a member that is neither lead nor deputy',
      unit: 'beta',
      score: '40',
      reviewer: 'gamma',
      refusal: 'ForbiddenError',
    },
    {
      name: 'a reviewed score above the maximum',
      unit: 'gamma',
      score: '50.01',
      reviewer: 'alpha',
      refusal: 'ValidationError',
      path: 'reviewedScore',
    },
  ])(
    'refuses a review by $name with a $refusal',
    async ({ unit, score, reviewer, refusal, path }) => {
      const refused = await review(unit, score, reviewer);
      expect(refused.__typename).toBe(refusal);
      if (path !== undefined) expect(refused.fields?.map((f) => f.path)).toContain(path);
    },
  );

  test('applies reviews, capped bonuses, a disqualifying deduction and lateness from a moved deadline', async () => {
    expect((await review('gamma', '40', 'alpha')).__typename).toBe('ScoreReviewed');
    expect((await review('alpha', '44', 'beta')).__typename).toBe('ScoreReviewed');
    for (const points of ['3', '4']) {
      const added = await mutate('AddBonus', {
        unitCode: 'beta',
        periodId,
        points,
        reason: 'Mô hình đổi mới được Trung ương ghi nhận',
      });
      expect(added.__typename).toBe('AdjustmentAdded');
    }
    const deducted = await mutate('AddDeduction', {
      unitCode: 'alpha',
      periodId,
      points: '1',
      reason: 'Vi phạm kỷ luật',
      disqualifying: true,
    });
    expect(deducted.__typename).toBe('AdjustmentAdded');
    // One second before the first submission: every submission is one started day late.
    const deadline = new Date(Date.parse(firstSubmittedAt) - 1000).toISOString();
    const moved = await mutate('SetDeadline', { clusterCode: 'cum-t', periodId, deadline });
    expect(moved.__typename).toBe('PeriodPayload');

    // alpha: 50 + 44 (reviewed) − 1 (late) − 1 (deduction) = 92.00, disqualified, so TOT not XUAT_SAC.
    // beta: 40 + 44 + min(3 + 4, 5) − 1 = 88.00. gamma: 37.50 + 40 (reviewed) − 1 = 76.50.
    const expected = { alpha: '92.00', beta: '88.00', gamma: '76.50' };
    const cards = await eventually(async () => {
      const all = {
        alpha: await card('alpha'),
        beta: await card('beta'),
        gamma: await card('gamma'),
      };
      const totals = Object.fromEntries(Object.entries(all).map(([unit, c]) => [unit, c?.total]));
      return JSON.stringify(totals) === JSON.stringify(expected) ? all : undefined;
    });
    expect(cards.alpha).toMatchObject({
      classification: 'TOT',
      disqualified: true,
      deductions: '2.00',
      lateness: '1.00',
      onTime: false,
    });
    expect(cards.beta).toMatchObject({ bonus: '5.00', lateness: '1.00' });
    expect(cards.gamma?.criteria[1]?.inputs).toMatchObject({
      reviewedScore: '40',
      scoreUsed: 'reviewed',
    });

    const ranking = await eventually(async () => {
      const { data } = await system.graphql(operationDocument('Ranking'), {
        cluster: 'cum-t',
        period: periodId,
      });
      const entries = (
        data as { ranking: { entries: { unitCode: string; rank: number; total: string }[] } | null }
      ).ranking?.entries;
      return entries?.[0]?.total === '92.00' && entries[2]?.total === '76.50' ? entries : undefined;
    });
    expect(ranking.map((e) => [e.unitCode, e.rank, e.total])).toEqual([
      ['alpha', 1, '92.00'],
      ['beta', 2, '88.00'],
      ['gamma', 3, '76.50'],
    ]);
  });

  test('gives review rights to the lead and deputies set for the year, and takes them from the former lead', async () => {
    const set = await mutate('SetLead', {
      clusterCode: 'cum-t',
      year,
      lead: 'gamma',
      deputies: ['beta'],
    });
    expect(set.__typename).toBe('ClusterDefined');
    const formerLead = await review('beta', '44', 'alpha');
    expect(formerLead.__typename).toBe('ForbiddenError');
    expect((await review('beta', '44', 'gamma')).__typename).toBe('ScoreReviewed');
  });

  test('lets exactly one of two concurrent revisions from the same version win; the other gets a conflict', async () => {
    const revise = () =>
      system.graphql(
        operationDocument('SubmitResults'),
        {
          ...submissionVariables('gamma', periodId, { admitted: '150' }, { '1.2': '48' }),
          expectedVersion: 1,
        },
        'gamma',
      );
    const results = await Promise.all([revise(), revise()]);
    const outcomes = results
      .map(
        (r) =>
          (r.data as { submitResults: { __typename: string; version?: number } }).submitResults,
      )
      .sort((a, b) => a.__typename.localeCompare(b.__typename));
    expect(outcomes).toMatchObject([
      { __typename: 'ConflictError' },
      { __typename: 'SubmissionAccepted', version: 2 },
    ]);
  });
});
