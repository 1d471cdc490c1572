import { describe, expect, test } from 'vitest';
import { scheme as schemeModel } from '../src/scheme.ts';
import { indicatorValueProblem, validateSubmission } from '../src/validate-submission.ts';

const scheme = schemeModel.parse({
  code: 'cum-2-2023',
  year: 2023,
  title: 'Bảng chấm điểm thi đua Cụm số 2 năm 2023',
  indicators: [
    {
      code: 'newPartyMembersAdmitted',
      title: 'Số đảng viên mới kết nạp',
      kind: 'COUNT',
      maxValue: '30000',
    },
    { code: 'trainingCompletionRate', title: 'Tỷ lệ hoàn thành bồi dưỡng', kind: 'PERCENT' },
    { code: 'reportFiledOnPlatform', title: 'Báo cáo trên hệ thống', kind: 'YES_NO' },
    {
      code: 'budgetCollected',
      title: 'Thu ngân sách (tỷ đồng)',
      kind: 'DECIMAL',
      maxValue: '200000',
    },
    { code: 'documentsAdvised', title: 'Văn bản tham mưu', kind: 'DECIMAL', maxValue: '500' },
    { code: 'inspectionsHeld', title: 'Số cuộc kiểm tra', kind: 'DECIMAL', maxValue: '1' },
    {
      code: 'populationServed',
      title: 'Dân số (chỉ để tổng hợp)',
      kind: 'COUNT',
      maxValue: '20000000',
    },
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
          bands: [{ threshold: '50', points: '10' }],
        },
        {
          code: '1.3',
          title: 'Báo cáo đúng quy định',
          maxPoints: '10',
          method: 'YES_NO',
          indicator: 'reportFiledOnPlatform',
        },
        { code: '1.4', title: 'Công tác dân vận', maxPoints: '7.5', method: 'SELF_ASSESSED' },
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
          title: 'Kiểm tra có kết luận',
          maxPoints: '5',
          method: 'YES_NO',
          indicator: 'inspectionsHeld',
        },
        {
          code: '2.4',
          title: 'Công tác chỉ đạo, điều hành',
          maxPoints: '30',
          method: 'SELF_ASSESSED',
        },
      ],
    },
  ],
});

const validIndicators: Record<string, string> = {
  newPartyMembersAdmitted: '42',
  trainingCompletionRate: '81.5',
  reportFiledOnPlatform: '1',
  budgetCollected: '850.25',
  documentsAdvised: '13',
  inspectionsHeld: '0',
};
const validSelfScores: Record<string, string> = { '1.4': '7', '2.4': '25.5' };

const without = (record: Record<string, string>, key: string) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

describe('validateSubmission', () => {
  const rows = [
    {
      name: 'accepts a complete submission that leaves out an indicator no criterion uses',
      indicators: validIndicators,
      selfScores: validSelfScores,
      paths: [] as string[],
    },
    {
      name: 'accepts an indicator no criterion uses being given',
      indicators: { ...validIndicators, populationServed: '1250000' },
      selfScores: validSelfScores,
      paths: [],
    },
    {
      name: 'accepts boundary values: 0, a percentage of exactly 100, a self-score of exactly max',
      indicators: {
        ...validIndicators,
        newPartyMembersAdmitted: '0',
        trainingCompletionRate: '100',
        budgetCollected: '0',
      },
      selfScores: { '1.4': '7.5', '2.4': '0' },
      paths: [],
    },
    {
      name: 'accepts 1.00 for a YES_NO indicator and 13.00 for a count',
      indicators: { ...validIndicators, reportFiledOnPlatform: '1.00', documentsAdvised: '13.00' },
      selfScores: validSelfScores,
      paths: [],
    },
    {
      name: 'refuses an indicator code that is not in the scheme',
      indicators: { ...validIndicators, partyMembers: '3' },
      selfScores: validSelfScores,
      paths: ['indicators.partyMembers'],
    },
    {
      name: 'refuses a self-score for a criterion code that is not in the scheme',
      indicators: validIndicators,
      selfScores: { ...validSelfScores, '9.9': '1' },
      paths: ['selfScores.9.9'],
    },
    {
      name: 'refuses a self-score for a criterion that is not SELF_ASSESSED',
      indicators: validIndicators,
      selfScores: { ...validSelfScores, '1.1': '20' },
      paths: ['selfScores.1.1'],
    },
    {
      name: 'refuses a missing value of an indicator a criterion uses',
      indicators: without(validIndicators, 'budgetCollected'),
      selfScores: validSelfScores,
      paths: ['indicators.budgetCollected'],
    },
    {
      name: 'refuses a missing self-score of a SELF_ASSESSED criterion',
      indicators: validIndicators,
      selfScores: without(validSelfScores, '2.4'),
      paths: ['selfScores.2.4'],
    },
    {
      name: 'refuses a YES_NO indicator of 2',
      indicators: { ...validIndicators, reportFiledOnPlatform: '2' },
      selfScores: validSelfScores,
      paths: ['indicators.reportFiledOnPlatform'],
    },
    {
      name: 'refuses a YES_NO indicator of 0.5',
      indicators: { ...validIndicators, reportFiledOnPlatform: '0.5' },
      selfScores: validSelfScores,
      paths: ['indicators.reportFiledOnPlatform'],
    },
    {
      name: 'refuses a value other than 0 or 1 for an indicator a YES_NO criterion uses',
      indicators: { ...validIndicators, inspectionsHeld: '3' },
      selfScores: validSelfScores,
      paths: ['indicators.inspectionsHeld'],
    },
    {
      name: 'refuses a percentage above 100',
      indicators: { ...validIndicators, trainingCompletionRate: '100.01' },
      selfScores: validSelfScores,
      paths: ['indicators.trainingCompletionRate'],
    },
    {
      name: 'refuses a COUNT indicator that is not a whole number',
      indicators: { ...validIndicators, newPartyMembersAdmitted: '3.5' },
      selfScores: validSelfScores,
      paths: ['indicators.newPartyMembersAdmitted'],
    },
    {
      name: 'refuses a fractional value for an indicator a COUNT criterion uses',
      indicators: { ...validIndicators, documentsAdvised: '13.25' },
      selfScores: validSelfScores,
      paths: ['indicators.documentsAdvised'],
    },
    {
      name: "accepts a value of exactly the indicator's maxValue",
      indicators: {
        ...validIndicators,
        newPartyMembersAdmitted: '30000',
        budgetCollected: '200000',
      },
      selfScores: validSelfScores,
      paths: [],
    },
    {
      name: "refuses a value one hundredth above the indicator's maxValue",
      indicators: { ...validIndicators, budgetCollected: '200000.01' },
      selfScores: validSelfScores,
      paths: ['indicators.budgetCollected'],
    },
    {
      name: 'refuses an absurd count at once, even for an indicator only the summaries use',
      indicators: {
        ...validIndicators,
        newPartyMembersAdmitted: '999999999999',
        populationServed: '20000001',
      },
      selfScores: validSelfScores,
      paths: ['indicators.newPartyMembersAdmitted', 'indicators.populationServed'],
    },
    {
      name: 'refuses a self-score one hundredth above its criterion maximum',
      indicators: validIndicators,
      selfScores: { ...validSelfScores, '1.4': '7.51' },
      paths: ['selfScores.1.4'],
    },
    {
      name: 'refuses a value that is not a decimal although zod should have caught it',
      indicators: { ...validIndicators, budgetCollected: '-5' },
      selfScores: validSelfScores,
      paths: ['indicators.budgetCollected'],
    },
    {
      name: 'lists every reason at once when a submission breaks several rules',
      indicators: {
        ...without(validIndicators, 'trainingCompletionRate'),
        reportFiledOnPlatform: '2',
        unknownThing: '1',
      },
      selfScores: { '1.4': '8', '2.1': '3', '7.7': '1' },
      paths: [
        'indicators.unknownThing',
        'selfScores.2.1',
        'selfScores.7.7',
        'indicators.trainingCompletionRate',
        'indicators.reportFiledOnPlatform',
        'selfScores.1.4',
        'selfScores.2.4',
      ],
    },
  ];
  test.each(rows)('$name', ({ indicators, selfScores, paths }) => {
    expect(validateSubmission(scheme, indicators, selfScores).map((p) => p.path)).toEqual(paths);
  });

  const messageRows = [
    {
      name: 'explains an unknown indicator in English and Vietnamese',
      indicators: { ...validIndicators, partyMembers: '3' },
      selfScores: validSelfScores,
      problem: {
        path: 'indicators.partyMembers',
        message: 'Indicator "partyMembers" is not in scheme cum-2-2023',
        messageVi: 'Chỉ tiêu "partyMembers" không có trong bảng chấm điểm cum-2-2023',
      },
    },
    {
      name: 'explains a self-score for a criterion that is not self-assessed',
      indicators: validIndicators,
      selfScores: { ...validSelfScores, '1.1': '20' },
      problem: {
        path: 'selfScores.1.1',
        message: 'Criterion 1.1 is not self-assessed, so it takes no self-score',
        messageVi: 'Tiêu chí 1.1 không phải tiêu chí tự chấm điểm, không nhận điểm tự chấm',
      },
    },
    {
      name: 'explains a missing indicator with its title',
      indicators: without(validIndicators, 'newPartyMembersAdmitted'),
      selfScores: validSelfScores,
      problem: {
        path: 'indicators.newPartyMembersAdmitted',
        message: 'A value for indicator "newPartyMembersAdmitted" is required',
        messageVi:
          'Thiếu giá trị của chỉ tiêu "newPartyMembersAdmitted" (Số đảng viên mới kết nạp)',
      },
    },
    {
      name: 'explains a missing self-score with the criterion title',
      indicators: validIndicators,
      selfScores: without(validSelfScores, '1.4'),
      problem: {
        path: 'selfScores.1.4',
        message: 'A self-score for criterion 1.4 is required',
        messageVi: 'Thiếu điểm tự chấm của tiêu chí 1.4 (Công tác dân vận)',
      },
    },
    {
      name: 'explains a self-score above the maximum',
      indicators: validIndicators,
      selfScores: { ...validSelfScores, '2.4': '31' },
      problem: {
        path: 'selfScores.2.4',
        message: 'Self-score 31 exceeds the maximum 30 of criterion 2.4',
        messageVi: 'Điểm tự chấm 31 vượt quá điểm tối đa 30 của tiêu chí 2.4',
      },
    },
    {
      name: 'explains a percentage above 100',
      indicators: { ...validIndicators, trainingCompletionRate: '120' },
      selfScores: validSelfScores,
      problem: {
        path: 'indicators.trainingCompletionRate',
        message:
          'Indicator "trainingCompletionRate" is a percentage and cannot exceed 100, got 120',
        messageVi:
          'Chỉ tiêu "trainingCompletionRate" là tỷ lệ phần trăm, không được vượt quá 100, đã nhập 120',
      },
    },
    {
      name: "explains a value above the indicator's plausible maximum",
      indicators: { ...validIndicators, newPartyMembersAdmitted: '999999999999' },
      selfScores: validSelfScores,
      problem: {
        path: 'indicators.newPartyMembersAdmitted',
        message:
          'Indicator "newPartyMembersAdmitted" cannot plausibly exceed 30000 (the scheme\'s maxValue), got 999999999999',
        messageVi:
          'Chỉ tiêu "newPartyMembersAdmitted" không thể vượt quá 30000 (giá trị tối đa hợp lý trong bảng chấm điểm), đã nhập 999999999999',
      },
    },
  ];
  test.each(messageRows)('$name', ({ indicators, selfScores, problem }) => {
    expect(validateSubmission(scheme, indicators, selfScores)).toEqual([problem]);
  });
});

describe('indicatorValueProblem', () => {
  test("checks one value against an indicator's bounds, as a reviewed value would be", () => {
    expect(indicatorValueProblem(scheme, 'newPartyMembersAdmitted', '30000')).toBeNull();
    expect(indicatorValueProblem(scheme, 'newPartyMembersAdmitted', '30001')?.message).toBe(
      'Indicator "newPartyMembersAdmitted" cannot plausibly exceed 30000 (the scheme\'s maxValue), got 30001',
    );
    expect(indicatorValueProblem(scheme, 'trainingCompletionRate', '100.01')?.message).toMatch(
      /percentage/,
    );
    // inspectionsHeld is a DECIMAL indicator that feeds a YES_NO criterion.
    expect(indicatorValueProblem(scheme, 'inspectionsHeld', '0.5')?.message).toMatch(/0 \(no\)/);
    expect(indicatorValueProblem(scheme, 'nothing', '1')).toEqual({
      message: 'Indicator "nothing" is not in scheme cum-2-2023',
      messageVi: 'Chỉ tiêu "nothing" không có trong bảng chấm điểm cum-2-2023',
    });
  });
});
