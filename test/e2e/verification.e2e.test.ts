import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openContest, persisted, submitResults } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import {
  countIndicator,
  relativeCriterion,
  selfAssessed,
  testScheme,
  yesNoCriterion,
  yesNoIndicator,
} from '../support/scheme.ts';
import { eventually, startSystem, type RunningSystem } from '../support/system.ts';

// Verification (thẩm định, SCORING.md §3). Four units: "alpha" leads the cluster, "beta" is its
// deputy, "gamma" submits an absurd but allowed figure for the RELATIVE criterion 1.1, "delta" is
// an ordinary member. Points are worked out by hand in the comments next to each expectation.
const year = 2026;
const periodId = `${year}-H1`;
const scheme = testScheme(year, {
  indicators: [countIndicator('admitted', '999999999999'), yesNoIndicator('onPlatform')],
  criteria: [
    relativeCriterion('1.1', '50', 'admitted'),
    selfAssessed('1.2', '40'),
    yesNoCriterion('1.3', '10', 'onPlatform'),
  ],
});

interface Card {
  submissionVersion: number;
  total: string;
  criteria: { code: string; points: string; inputs: Record<string, string> }[];
  reviewedIndicators: {
    indicator: string;
    submittedValue: string;
    reviewedValue: string;
    reason: string;
    reviewer: string;
  }[];
  returned: { reason: string; returnedBy: string; returnedAt: string } | null;
}

const absurd = '999999999999';
const reason = 'Số liệu không khớp biên bản kết nạp';

describe('verification: reviewed indicator values, returned submissions and flagged values', () => {
  let system: RunningSystem;
  const card = async (unit: string, as = 'central') => {
    const { data, errors } = await system.graphql(
      operationDocument('Scorecard'),
      { unit, period: periodId },
      as,
    );
    expect(errors).toBeUndefined();
    return (data as { scorecard: Card | null }).scorecard;
  };
  const totals = async () =>
    Object.fromEntries(
      await Promise.all(
        ['alpha', 'beta', 'gamma', 'delta'].map(async (u) => [u, (await card(u))?.total]),
      ),
    ) as Record<string, string | undefined>;
  const totalsReach = (expected: Record<string, string>) =>
    eventually(async () => {
      const now = await totals();
      return JSON.stringify(now) === JSON.stringify(expected) ? now : undefined;
    });
  const submit = (unit: string, admitted: string, self: string) =>
    submitResults(system, unit, periodId, { admitted, onPlatform: '1' }, { '1.2': self });
  const reviewIndicator = (
    unit: string,
    as: string,
    { indicator = 'admitted', value = '110', why = reason } = {},
  ) =>
    persisted(
      system,
      'ReviewIndicator',
      { unitCode: unit, periodId, indicator, reviewedValue: value, reason: why },
      as,
    );
  const returnSubmission = (unit: string, as: string, why = 'Đề nghị giải trình số kết nạp') =>
    persisted(system, 'ReturnSubmission', { unitCode: unit, periodId, reason: why }, as);
  const flags = (as: string) =>
    system.graphql(operationDocument('FlaggedValues'), { cluster: 'cum-v', period: periodId }, as);

  beforeAll(async () => {
    system = await startSystem();
    await openContest(system, {
      clusterCode: 'cum-v',
      name: 'Cụm thử thẩm định',
      year,
      lead: 'alpha',
      deputies: ['beta'],
      members: ['alpha', 'beta', 'gamma', 'delta'].map((unitCode) => ({
        unitCode,
        name: `Ban Tổ chức ${unitCode}`,
      })),
      scheme,
      periodId,
    });
    for (const [unit, admitted, self] of [
      ['alpha', '100', '30'],
      ['beta', '80', '35'],
      ['gamma', absurd, '20'],
      ['delta', '120', '32'],
    ] as const) {
      expect((await submit(unit, admitted, self)).__typename).toBe('SubmissionAccepted');
    }
  });

  afterAll(async () => {
    await system.stop();
  });

  test('an absurd but allowed figure takes every rival’s RELATIVE points and ranks first', async () => {
    // Best value 999999999999: alpha 50 × 100 / 999999999999 rounds to 0.00, so 30 + 0 + 10 = 40;
    // beta 35 + 10 = 45; gamma 50 + 20 + 10 = 80; delta 32 + 10 = 42.
    await totalsReach({ alpha: '40.00', beta: '45.00', gamma: '80.00', delta: '42.00' });
    // The ranking follows the scorecards a moment later.
    const ranked = await eventually(async () => {
      const { data } = await system.graphql(operationDocument('Ranking'), {
        cluster: 'cum-v',
        period: periodId,
      });
      const entries = (
        data as { ranking: { entries: { unitCode: string; rank: number; total: string }[] } | null }
      ).ranking?.entries;
      const shown = entries?.map((e) => e.total).join(' ');
      return shown === '80.00 45.00 42.00 40.00' ? entries : undefined;
    });
    expect(ranked.map((e) => [e.unitCode, e.rank])).toEqual([
      ['gamma', 1],
      ['beta', 2],
      ['delta', 3],
      ['alpha', 4],
    ]);
  });

  test('flags the figure to the lead, a deputy and the central board, and hides the flags from other units', async () => {
    for (const reviewer of ['alpha', 'beta', 'central']) {
      const { data, errors } = await flags(reviewer);
      expect(errors).toBeUndefined();
      // The others' 80, 100, 120: Q1 90, Q3 110, upper fence 110 + 3 × 20 = 170.
      expect((data as { flaggedValues: unknown[] }).flaggedValues).toEqual([
        {
          unitCode: 'gamma',
          indicator: 'admitted',
          value: absurd,
          reviewed: false,
          side: 'HIGH',
          fence: '170.00',
          reason: `${absurd} is above 170.00 = Q3 + 3 × IQR and above 2 × Q3 (Q1 90.00, Q3 110.00 of the other 3 members)`,
          reasonVi: `${absurd} vượt ngưỡng trên 170.00 = Q3 + 3 × IQR và vượt 2 × Q3 (Q1 90.00, Q3 110.00 của 3 đơn vị còn lại)`,
        },
      ]);
    }
    for (const member of ['gamma', 'delta']) {
      const { data, errors } = await flags(member);
      expect(data).toBeNull();
      expect(errors?.[0]?.message).toContain('you may not see `flaggedValues`');
    }
  });

  test.each([
    { name: 'the lead for its own unit', unit: 'alpha', as: 'alpha' },
    { name: 'a member that is neither lead nor deputy', unit: 'gamma', as: 'delta' },
    { name: 'the unit itself', unit: 'gamma', as: 'gamma' },
  ])('refuses a review by $name with a ForbiddenError', async ({ unit, as }) => {
    expect((await reviewIndicator(unit, as)).__typename).toBe('ForbiddenError');
    expect((await returnSubmission(unit, as)).__typename).toBe('ForbiddenError');
  });

  test.each([
    { name: 'a reviewed value that is not a whole count', value: '110.5', path: 'reviewedValue' },
    { name: 'a reviewed value that is not a decimal', value: '1e3', path: 'reviewedValue' },
    { name: 'an indicator outside the scheme', indicator: 'budget', path: 'indicator' },
    {
      name: 'a yes/no value other than 0 or 1',
      indicator: 'onPlatform',
      value: '2',
      path: 'reviewedValue',
    },
    { name: 'a reason of invisible characters only', why: ' \u200B ', path: 'reason' },
  ])('refuses $name with a bilingual ValidationError', async ({ path, ...given }) => {
    const refused = await reviewIndicator('gamma', 'alpha', given);
    expect(refused.__typename).toBe('ValidationError');
    const field = refused.fields?.find((f) => f.path === path);
    expect(field?.message).not.toBe('');
    expect(field?.messageVi).not.toBe('');
  });

  test('the lead’s reviewed value replaces the figure in the best value: the rivals recover and the scorecard shows both', async () => {
    const reviewed = await reviewIndicator('gamma', 'alpha');
    expect(reviewed).toMatchObject({
      __typename: 'IndicatorReviewed',
      submittedValue: absurd,
      reviewedValue: '110',
      submissionVersion: 1,
    });
    // Best value now delta's 120: alpha 30 + 50 × 100 / 120 (41.67) + 10 = 81.67; beta 35 + 33.33 +
    // 10 = 78.33; gamma 20 + 45.83 + 10 = 75.83; delta 32 + 50 + 10 = 92.00.
    await totalsReach({ alpha: '81.67', beta: '78.33', gamma: '75.83', delta: '92.00' });
    const gamma = await card('gamma', 'gamma');
    expect(gamma?.criteria[0]?.inputs).toEqual({
      value: '110',
      bestValue: '120',
      direction: 'HIGHER_IS_BETTER',
      submittedValue: absurd,
      valueUsed: 'reviewed',
    });
    expect(gamma?.reviewedIndicators).toEqual([
      {
        indicator: 'admitted',
        submittedValue: absurd,
        reviewedValue: '110',
        reason,
        reviewer: 'alpha',
      },
    ]);
    // The cluster's summary adds up the verified figure: 100 + 80 + 110 + 120.
    await eventually(async () => {
      const { data: summary } = await system.graphql(operationDocument('Summary'), {
        period: periodId,
        cluster: 'cum-v',
      });
      const totals = (
        summary as { summary: { indicatorTotals: { code: string; total: string }[] } }
      ).summary.indicatorTotals;
      return totals.find((t) => t.code === 'admitted')?.total === '410.00' ? totals : undefined;
    });
    // Reviewed to 110, gamma's figure lies within the others' spread: no flag is left.
    const { data } = await flags('alpha');
    expect((data as { flaggedValues: unknown[] }).flaggedValues).toEqual([]);
  });

  test('a returned submission keeps counting, marked, until the unit submits again; the review outlives the new version', async () => {
    const returned = await returnSubmission('gamma', 'beta');
    expect(returned).toMatchObject({
      __typename: 'SubmissionReturned',
      version: 1,
      reason: 'Đề nghị giải trình số kết nạp',
    });
    expect((await returnSubmission('gamma', 'alpha')).__typename).toBe('ConflictError');

    // The unit sees the request on its submissions and its scorecard, which still counts.
    const versions = async () => {
      const { data, errors } = await system.graphql(
        operationDocument('Submissions'),
        { unit: 'gamma', period: periodId },
        'gamma',
      );
      expect(errors).toBeUndefined();
      return (
        data as {
          submissions: { edges: { node: { version: number; returned: Card['returned'] } }[] };
        }
      ).submissions.edges.map((e) => e.node);
    };
    const [v1] = await versions();
    expect(v1?.returned).toMatchObject({
      reason: 'Đề nghị giải trình số kết nạp',
      returnedBy: 'beta',
    });
    expect(v1?.returned?.returnedAt).toMatch(/\+07:00$/);
    const marked = await card('gamma', 'gamma');
    expect(marked).toMatchObject({ submissionVersion: 1, total: '75.83' });
    expect(marked?.returned).toEqual(v1?.returned);

    // The explanation: the same figure again. The new version clears the mark; the review stays.
    expect((await submit('gamma', absurd, '20')).__typename).toBe('SubmissionAccepted');
    const resubmitted = await eventually(async () => {
      const c = await card('gamma', 'gamma');
      return c?.submissionVersion === 2 ? c : undefined;
    });
    expect(resubmitted.returned).toBeNull();
    expect(resubmitted.total).toBe('75.83');
    expect(resubmitted.reviewedIndicators[0]).toMatchObject({
      reviewedValue: '110',
      submittedValue: absurd,
    });
    expect((await versions()).map((v) => [v.version, v.returned === null])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  test('after closing, a review is still accepted but a return is refused: no new version could answer it', async () => {
    const closed = await persisted(
      system,
      'ClosePeriod',
      { clusterCode: 'cum-v', periodId },
      'alpha',
    );
    expect(closed.__typename).toBe('PeriodPayload');
    const refused = await returnSubmission('delta', 'alpha');
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields?.map((f) => f.path)).toEqual(['periodId']);
    expect((await reviewIndicator('delta', 'alpha', { value: '115' })).__typename).toBe(
      'IndicatorReviewed',
    );
  });
});
