import { type ResultsSubmittedV1, scheme as schemeModel, type SchemeInput } from '@thidua/schema';
import { describe, expect, test } from 'vitest';
import {
  bestValuesFor,
  computeScorecard,
  withReviewedValues,
  type ScorecardInput,
} from '../src/compute-scorecard.ts';

const schemeInput: SchemeInput = {
  code: 'cum-2-2023',
  year: 2023,
  title: 'Bảng chấm điểm thi đua Cụm số 2 năm 2023',
  indicators: [
    {
      code: 'newPartyMembersAdmitted',
      title: 'Số đảng viên mới kết nạp',
      kind: 'COUNT',
      maxValue: '100000',
    },
    { code: 'trainingCompletionRate', title: 'Tỷ lệ hoàn thành bồi dưỡng', kind: 'PERCENT' },
    { code: 'reportFiledOnPlatform', title: 'Báo cáo trên hệ thống', kind: 'YES_NO' },
    {
      code: 'budgetCollected',
      title: 'Thu ngân sách (tỷ đồng)',
      kind: 'DECIMAL',
      maxValue: '999999999999',
    },
    { code: 'documentsAdvised', title: 'Văn bản tham mưu', kind: 'COUNT', maxValue: '1000' },
  ],
  headings: [
    {
      code: 'I',
      title: 'Thực hiện nhiệm vụ chính trị',
      criteria: [
        {
          code: '1.1',
          title: 'Kết nạp đảng viên mới',
          maxPoints: '20',
          method: 'TARGET',
          indicator: 'newPartyMembersAdmitted',
          direction: 'HIGHER_IS_BETTER',
          defaultTarget: '50',
        },
        {
          code: '1.2',
          title: 'Bồi dưỡng chính trị',
          maxPoints: '10',
          method: 'BANDS',
          indicator: 'trainingCompletionRate',
          bands: [
            { threshold: '50', points: '4' },
            { threshold: '80', points: '7' },
            { threshold: '95', points: '10' },
          ],
        },
        {
          code: '1.3',
          title: 'Báo cáo đúng quy định',
          maxPoints: '10',
          method: 'YES_NO',
          indicator: 'reportFiledOnPlatform',
        },
      ],
    },
    {
      code: 'II',
      title: 'Phát triển kinh tế - xã hội',
      criteria: [
        {
          code: '2.1',
          title: 'Thu ngân sách',
          maxPoints: '20',
          method: 'RELATIVE',
          indicator: 'budgetCollected',
          direction: 'HIGHER_IS_BETTER',
        },
        {
          code: '2.2',
          title: 'Văn bản tham mưu',
          maxPoints: '10',
          method: 'COUNT',
          indicator: 'documentsAdvised',
          pointsPerItem: '0.5',
        },
        {
          code: '2.3',
          title: 'Công tác chỉ đạo, điều hành',
          maxPoints: '30',
          method: 'SELF_ASSESSED',
        },
      ],
    },
  ],
};
const scheme = schemeModel.parse(schemeInput);
const deadline = '2023-07-10T17:00:00+07:00';

/** A submission with full marks in every criterion but 2.3, whose self-score is given. */
function submission(
  selfScore: string,
  overrides: Partial<ResultsSubmittedV1> = {},
): ResultsSubmittedV1 {
  return {
    unitCode: 'ha-tinh',
    periodId: '2023-H1',
    submissionVersion: 1,
    submittedAt: '2023-07-09T10:00:00+07:00',
    indicators: {
      newPartyMembersAdmitted: '50',
      trainingCompletionRate: '95',
      reportFiledOnPlatform: '1',
      budgetCollected: '1200',
      documentsAdvised: '20',
    },
    selfScores: { '2.3': selfScore },
    ...overrides,
  };
}

function input(overrides: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    scheme,
    submission: submission('30'),
    deadline,
    pledges: {},
    reviewedScores: {},
    indicatorReviews: {},
    bestValues: { '2.1': '1200' },
    bonusItems: [],
    deductionItems: [],
    ...overrides,
  };
}

const bonus = (...points: string[]) => points.map((p) => ({ points: p, reason: 'Mô hình mới' }));
const deduction = (points: string, disqualifying = false) => ({
  points,
  reason: 'Vi phạm kỷ luật',
  disqualifying,
});

describe('computeScorecard', () => {
  test('explains every criterion in scheme order with its inputs and formula', () => {
    const card = computeScorecard(
      input({
        submission: submission('25.5', {
          indicators: {
            newPartyMembersAdmitted: '42',
            trainingCompletionRate: '81.5',
            reportFiledOnPlatform: '0',
            budgetCollected: '850',
            documentsAdvised: '13',
          },
        }),
        pledges: { newPartyMembersAdmitted: '60' },
        reviewedScores: { '2.3': '24' },
        bestValues: { '2.1': '1000' },
      }),
    );
    expect(card.criteria).toEqual([
      {
        code: '1.1',
        method: 'TARGET',
        maxPoints: '20.00',
        points: '14.00',
        inputs: {
          value: '42',
          target: '60',
          targetSource: 'pledge',
          direction: 'HIGHER_IS_BETTER',
        },
        formula: '20.00 × min(42 / 60, 1) = 14.00',
      },
      {
        code: '1.2',
        method: 'BANDS',
        maxPoints: '10.00',
        points: '7.00',
        inputs: { value: '81.5', thresholdReached: '80' },
        formula: '81.5 ≥ 80 → 7.00',
      },
      {
        code: '1.3',
        method: 'YES_NO',
        maxPoints: '10.00',
        points: '0.00',
        inputs: { value: '0' },
        formula: '0 → 0.00',
      },
      {
        code: '2.1',
        method: 'RELATIVE',
        maxPoints: '20.00',
        points: '17.00',
        inputs: { value: '850', bestValue: '1000', direction: 'HIGHER_IS_BETTER' },
        formula: '20.00 × 850 / 1000 = 17.00',
      },
      {
        code: '2.2',
        method: 'COUNT',
        maxPoints: '10.00',
        points: '6.50',
        inputs: { value: '13', pointsPerItem: '0.5' },
        formula: 'min(10.00, 13 × 0.5) = 6.50',
      },
      {
        code: '2.3',
        method: 'SELF_ASSESSED',
        maxPoints: '30.00',
        points: '24.00',
        inputs: { selfScore: '25.5', reviewedScore: '24', scoreUsed: 'reviewed' },
        formula: 'reviewed 24 (self-score 25.5) = 24.00',
      },
    ]);
    expect(card).toMatchObject({
      unitCode: 'ha-tinh',
      periodId: '2023-H1',
      submissionVersion: 1,
      submittedAt: '2023-07-09T10:00:00+07:00',
      criteriaSum: '68.50',
      total: '68.50',
      classification: 'HOAN_THANH',
    });
  });

  test('sums criterion points rounded one by one, not the unrounded values', () => {
    // 20 × 1/3 = 6.666… → 6.67 and 20 × 1 / 3 = 6.666… → 6.67: the sum is 13.34, not 13.33.
    const card = computeScorecard(
      input({
        submission: submission('0', {
          indicators: {
            newPartyMembersAdmitted: '1',
            trainingCompletionRate: '0',
            reportFiledOnPlatform: '0',
            budgetCollected: '1',
            documentsAdvised: '0',
          },
        }),
        pledges: { newPartyMembersAdmitted: '3' },
        bestValues: { '2.1': '3' },
      }),
    );
    expect(card.criteria.map((c) => c.points)).toEqual([
      '6.67',
      '0.00',
      '0.00',
      '6.67',
      '0.00',
      '0.00',
    ]);
    expect(card.criteriaSum).toBe('13.34');
  });

  const rows = [
    {
      name: 'gives full marks and XUAT_SAC when on time with no bonus or deduction',
      given: input(),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '100.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'adds bonus items under the bonus cap',
      given: input({ submission: submission('20'), bonusItems: bonus('2', '1.5') }),
      expected: {
        criteriaSum: '90.00',
        bonus: '3.50',
        lateness: '0.00',
        deductions: '0.00',
        total: '93.50',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'adds bonus items that reach the bonus cap exactly',
      given: input({ submission: submission('20'), bonusItems: bonus('2.5', '2.5') }),
      expected: {
        criteriaSum: '90.00',
        bonus: '5.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '95.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'caps bonus items at the default bonus cap of 5',
      given: input({ submission: submission('20'), bonusItems: bonus('3', '4') }),
      expected: {
        criteriaSum: '90.00',
        bonus: '5.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '95.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'caps bonus items at the scheme bonus cap',
      given: input({
        scheme: { ...scheme, bonusCap: '2.5' },
        submission: submission('20'),
        bonusItems: bonus('3'),
      }),
      expected: {
        criteriaSum: '90.00',
        bonus: '2.50',
        lateness: '0.00',
        deductions: '0.00',
        total: '92.50',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'lets a bonus carry the total above maxTotal, as the total formula has no cap',
      given: input({ bonusItems: bonus('5') }),
      expected: {
        criteriaSum: '100.00',
        bonus: '5.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '105.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'adds lateness to the deduction items and marks the card late',
      given: input({
        submission: submission('30', { submittedAt: '2023-07-11T17:00:01+07:00' }),
        deductionItems: [deduction('2'), deduction('0.5')],
      }),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '2.00',
        deductions: '4.50',
        total: '95.50',
        onTime: false,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'caps lateness at the default cap but not the deduction items',
      given: input({
        submission: submission('30', { submittedAt: '2023-07-25T08:00:00+07:00' }),
        deductionItems: [deduction('4'), deduction('3')],
      }),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '5.00',
        deductions: '12.00',
        total: '88.00',
        onTime: false,
        classification: 'TOT',
      },
    },
    {
      name: 'marks the card late when the rate per day is 0 though lateness costs nothing',
      given: input({
        scheme: { ...scheme, latePointsPerDay: '0' },
        submission: submission('30', { submittedAt: '2023-07-10T17:00:01+07:00' }),
      }),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '100.00',
        onTime: false,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'keeps the card on time when submitted exactly at the deadline',
      given: input({ submission: submission('30', { submittedAt: '2023-07-10T10:00:00Z' }) }),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '100.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'applies bonus before deductions so a bonus offsets a deduction',
      given: input({
        submission: submission('20'),
        bonusItems: bonus('3'),
        deductionItems: [deduction('3')],
      }),
      expected: {
        criteriaSum: '90.00',
        bonus: '3.00',
        lateness: '0.00',
        deductions: '3.00',
        total: '90.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'floors the total at 0 when deductions exceed the points',
      given: input({
        submission: submission('0', { submittedAt: '2023-07-20T17:00:00+07:00' }),
        deductionItems: [deduction('80')],
      }),
      expected: {
        criteriaSum: '70.00',
        bonus: '0.00',
        lateness: '5.00',
        deductions: '85.00',
        total: '0.00',
        onTime: false,
        classification: 'KHONG_HOAN_THANH',
      },
    },
    {
      name: 'gives a total of exactly 0 when deductions equal the points',
      given: input({ submission: submission('0'), deductionItems: [deduction('70')] }),
      expected: {
        criteriaSum: '70.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '70.00',
        total: '0.00',
        onTime: true,
        classification: 'KHONG_HOAN_THANH',
      },
    },
    {
      name: 'classifies XUAT_SAC at a total of exactly 90',
      given: input({ deductionItems: [deduction('10')] }),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '10.00',
        total: '90.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'classifies TOT at a total of 89.99',
      given: input({ submission: submission('19.99') }),
      expected: {
        criteriaSum: '89.99',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '89.99',
        onTime: true,
        classification: 'TOT',
      },
    },
    {
      name: 'classifies TOT at a total of exactly 70',
      given: input({ submission: submission('0') }),
      expected: {
        criteriaSum: '70.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '70.00',
        onTime: true,
        classification: 'TOT',
      },
    },
    {
      name: 'classifies HOAN_THANH at a total of 69.99',
      given: input({ submission: submission('0'), deductionItems: [deduction('0.01')] }),
      expected: {
        criteriaSum: '70.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.01',
        total: '69.99',
        onTime: true,
        classification: 'HOAN_THANH',
      },
    },
    {
      name: 'classifies HOAN_THANH at a total of exactly 50',
      given: input({ submission: submission('0'), deductionItems: [deduction('20')] }),
      expected: {
        criteriaSum: '70.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '20.00',
        total: '50.00',
        onTime: true,
        classification: 'HOAN_THANH',
      },
    },
    {
      name: 'classifies KHONG_HOAN_THANH at a total of 49.99',
      given: input({ submission: submission('0'), deductionItems: [deduction('20.01')] }),
      expected: {
        criteriaSum: '70.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '20.01',
        total: '49.99',
        onTime: true,
        classification: 'KHONG_HOAN_THANH',
      },
    },
    {
      name: 'classifies against the scheme maxTotal at exactly 90% of it',
      given: input({ scheme: { ...scheme, maxTotal: '80' }, submission: submission('2') }),
      expected: {
        criteriaSum: '72.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '72.00',
        onTime: true,
        classification: 'XUAT_SAC',
      },
    },
    {
      name: 'gives TOT, not XUAT_SAC, to a full-marks unit with a disqualifying deduction',
      given: input({ deductionItems: [deduction('1', true)] }),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '1.00',
        total: '99.00',
        onTime: true,
        classification: 'TOT',
      },
    },
    {
      name: 'gives TOT to a unit with a disqualifying deduction of 0 points',
      given: input({ deductionItems: [deduction('0', true)] }),
      expected: {
        criteriaSum: '100.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '0.00',
        total: '100.00',
        onTime: true,
        classification: 'TOT',
      },
    },
    {
      name: 'keeps HOAN_THANH for a unit with a disqualifying deduction below the TOT band',
      given: input({ submission: submission('0'), deductionItems: [deduction('15', true)] }),
      expected: {
        criteriaSum: '70.00',
        bonus: '0.00',
        lateness: '0.00',
        deductions: '15.00',
        total: '55.00',
        onTime: true,
        classification: 'HOAN_THANH',
      },
    },
  ];
  test.each(rows)('$name', ({ given, expected }) => {
    const card = computeScorecard(given);
    expect({
      criteriaSum: card.criteriaSum,
      bonus: card.bonus,
      lateness: card.lateness,
      deductions: card.deductions,
      total: card.total,
      onTime: card.onTime,
      classification: card.classification,
    }).toEqual(expected);
  });

  const badRows = [
    {
      name: 'throws when an indicator a criterion uses is missing',
      given: input({
        submission: submission('30', { indicators: { newPartyMembersAdmitted: '50' } }),
      }),
      message: 'criterion 1.2: indicator "trainingCompletionRate" is missing',
    },
    {
      name: 'throws when a SELF_ASSESSED criterion has no self-score',
      given: input({ submission: submission('30', { selfScores: {} }) }),
      message: 'criterion 2.3: self-score "2.3" is missing',
    },
    {
      name: 'throws when a RELATIVE criterion has no best value',
      given: input({ bestValues: {} }),
      message: 'criterion 2.1: best value "2.1" is missing',
    },
  ];
  test.each(badRows)('$name', ({ given, message }) => {
    expect(() => computeScorecard(given)).toThrow(new RangeError(message));
  });
});

describe('bestValuesFor', () => {
  const withBudget = (budgetCollected: string | undefined): ResultsSubmittedV1 => {
    const base = submission('30');
    const others = Object.fromEntries(
      Object.entries(base.indicators).filter(([code]) => code !== 'budgetCollected'),
    );
    return {
      ...base,
      indicators: budgetCollected === undefined ? others : { ...others, budgetCollected },
    };
  };
  const lowerScheme = schemeModel.parse({
    ...schemeInput,
    headings: [
      {
        code: 'II',
        title: 'Phát triển kinh tế - xã hội',
        criteria: [
          {
            code: '2.1',
            title: 'Chi phí hành chính',
            maxPoints: '20',
            method: 'RELATIVE',
            indicator: 'budgetCollected',
            direction: 'LOWER_IS_BETTER',
          },
        ],
      },
    ],
  });

  const rows = [
    {
      name: 'takes the highest value when higher is better',
      scheme,
      values: ['850', '1200.5', '99'],
      best: { '2.1': '1200.5' },
    },
    {
      name: 'takes the lowest value when lower is better',
      scheme: lowerScheme,
      values: ['850', '1200.5', '99'],
      best: { '2.1': '99' },
    },
    {
      name: 'compares decimals exactly rather than as text',
      scheme,
      values: ['9.5', '10', '9.99'],
      best: { '2.1': '10' },
    },
    {
      name: 'takes 0 as the best value when every unit has 0',
      scheme,
      values: ['0', '0'],
      best: { '2.1': '0' },
    },
    {
      name: 'takes 0 as the best value when lower is better and one unit has 0',
      scheme: lowerScheme,
      values: ['3', '0', '5'],
      best: { '2.1': '0' },
    },
    {
      name: 'skips submissions without the indicator',
      scheme,
      values: [undefined, '40'],
      best: { '2.1': '40' },
    },
    {
      name: 'leaves the criterion out when no submission has the indicator',
      scheme,
      values: [undefined],
      best: {},
    },
    { name: 'gives no best values for no submissions', scheme, values: [], best: {} },
  ];
  test.each(rows)('$name', ({ scheme: given, values, best }) => {
    expect(bestValuesFor(given, values.map(withBudget))).toEqual(best);
  });
});

describe('reviewed indicator values (thẩm định)', () => {
  const review = (reviewedValue: string) => ({
    reviewedValue,
    reason: 'Không khớp minh chứng',
    reviewer: 'nghe-an',
  });
  const unit = (unitCode: string, budgetCollected: string): ResultsSubmittedV1 => {
    const base = submission('30');
    return { ...base, unitCode, indicators: { ...base.indicators, budgetCollected } };
  };
  // Three units; ha-tinh submitted an absurd budget that sinks the others' RELATIVE points.
  const submissions = [
    unit('ha-tinh', '999999999999'),
    unit('nghe-an', '1200'),
    unit('quang-binh', '900'),
  ];
  const reviews: Record<string, Record<string, ReturnType<typeof review>>> = {
    'ha-tinh': { budgetCollected: review('1000') },
  };
  const scoredBy = (given: Record<string, Record<string, ReturnType<typeof review>>>) => {
    const scored = submissions.map((s) => withReviewedValues(s, given[s.unitCode] ?? {}));
    const bestValues = bestValuesFor(scheme, scored);
    return submissions.map((s) =>
      computeScorecard(
        input({ submission: s, bestValues, indicatorReviews: given[s.unitCode] ?? {} }),
      ),
    );
  };

  test('an absurd submitted value takes the best value and the rivals lose their RELATIVE points', () => {
    const cards = scoredBy({});
    expect(cards.map((c) => c.criteria[3]?.points)).toEqual(['20.00', '0.00', '0.00']);
    expect(cards[0]?.reviewedIndicators).toBeUndefined();
  });

  test('the reviewed value replaces the submitted one in the best value and in the unit’s own rule', () => {
    const [haTinh, ngheAn, quangBinh] = scoredBy(reviews);
    // Best is now nghe-an's 1200: 20 × 1000 / 1200 = 16.67; 20 × 900 / 1200 = 15.00.
    expect(ngheAn?.criteria[3]).toMatchObject({
      points: '20.00',
      inputs: { value: '1200', bestValue: '1200' },
    });
    expect(quangBinh?.criteria[3]?.points).toBe('15.00');
    expect(haTinh?.criteria[3]).toMatchObject({
      points: '16.67',
      inputs: {
        value: '1000',
        bestValue: '1200',
        submittedValue: '999999999999',
        valueUsed: 'reviewed',
      },
      formula: '20.00 × 1000 / 1200 = 16.67',
    });
    expect(haTinh?.reviewedIndicators).toEqual([
      {
        indicator: 'budgetCollected',
        submittedValue: '999999999999',
        reviewedValue: '1000',
        reason: 'Không khớp minh chứng',
        reviewer: 'nghe-an',
      },
    ]);
    expect(ngheAn?.reviewedIndicators).toBeUndefined();
  });

  test('a reviewed value is used by every rule, not only RELATIVE', () => {
    // documentsAdvised feeds the COUNT criterion 2.2: min(10, 4 × 0.5) = 2.00.
    const card = computeScorecard(input({ indicatorReviews: { documentsAdvised: review('4') } }));
    expect(card.criteria[4]).toMatchObject({
      points: '2.00',
      inputs: { value: '4', submittedValue: '20', valueUsed: 'reviewed' },
    });
    expect(card.criteriaSum).toBe('92.00');
  });

  test('a review of an indicator the submission does not give replaces nothing', () => {
    const given = submission('30');
    expect(withReviewedValues(given, { notInScheme: review('5') })).toEqual(given);
    expect(
      computeScorecard(input({ indicatorReviews: { notInScheme: review('5') } }))
        .reviewedIndicators,
    ).toBeUndefined();
  });
});
