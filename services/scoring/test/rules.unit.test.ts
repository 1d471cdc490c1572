import Fraction from 'fraction.js';
import { describe, expect, test } from 'vitest';
import { defaultClassificationBands } from '@thidua/schema';
import {
  formatHundredths,
  parseHundredths,
  roundRatioToHundredths,
  roundToHundredths,
} from '../src/hundredths.ts';
import { type BandsCriterion, scoreBands } from '../src/rules/bands.ts';
import { classify } from '../src/rules/classification.ts';
import { type CountCriterion, scoreCount } from '../src/rules/count.ts';
import { type RelativeCriterion, scoreRelative } from '../src/rules/relative.ts';
import { type SelfAssessedCriterion, scoreSelfAssessed } from '../src/rules/self-assessed.ts';
import { scoreTarget, type TargetCriterion } from '../src/rules/target.ts';
import { scoreYesNo, type YesNoCriterion } from '../src/rules/yes-no.ts';

describe('hundredths', () => {
  const parseRows = [
    { name: 'parses a whole number to hundredths', text: '12', hundredths: 1200n },
    { name: 'parses one decimal as tens of hundredths', text: '12.5', hundredths: 1250n },
    { name: 'parses two decimals exactly', text: '62.47', hundredths: 6247n },
    { name: 'parses a leading-zero fraction', text: '0.05', hundredths: 5n },
    { name: 'parses zero', text: '0', hundredths: 0n },
    { name: 'parses a signed decimal', text: '-3.1', hundredths: -310n },
  ];
  test.each(parseRows)('$name', ({ text, hundredths }) => {
    expect(parseHundredths(text)).toBe(hundredths);
  });

  const badRows = [
    { name: 'refuses three decimals', text: '1.234' },
    { name: 'refuses an empty string', text: '' },
    { name: 'refuses an exponent', text: '1e3' },
    { name: 'refuses a trailing dot', text: '12.' },
  ];
  test.each(badRows)('$name', ({ text }) => {
    expect(() => parseHundredths(text)).toThrow(RangeError);
  });

  const formatRows = [
    { name: 'formats zero with two decimals', hundredths: 0n, text: '0.00' },
    { name: 'formats a half with a trailing zero', hundredths: 1250n, text: '12.50' },
    { name: 'formats a small fraction with a leading zero', hundredths: 5n, text: '0.05' },
    { name: 'formats a negative value with its sign', hundredths: -5n, text: '-0.05' },
    {
      name: 'formats a large value exactly',
      hundredths: 123456789012345n,
      text: '1234567890123.45',
    },
  ];
  test.each(formatRows)('$name', ({ hundredths, text }) => {
    expect(formatHundredths(hundredths)).toBe(text);
  });

  const roundRows = [
    { name: 'rounds exactly .005 up', n: 1235n, d: 1000n, hundredths: 124n },
    { name: 'rounds just under .005 down', n: 12349n, d: 10000n, hundredths: 123n },
    { name: 'rounds a repeating third down', n: 1n, d: 3n, hundredths: 33n },
    { name: 'rounds a repeating two-thirds up', n: 2n, d: 3n, hundredths: 67n },
    { name: 'keeps an exact hundredth', n: 5n, d: 100n, hundredths: 5n },
    { name: 'rounds a negative half away from zero', n: -1235n, d: 1000n, hundredths: -124n },
  ];
  test.each(roundRows)('$name', ({ n, d, hundredths }) => {
    expect(roundRatioToHundredths(n, d)).toBe(hundredths);
    expect(roundToHundredths(new Fraction(n, d))).toBe(hundredths);
  });
});

const target = (
  direction: TargetCriterion['direction'],
  maxPoints = '10',
  defaultTarget = '1000',
): TargetCriterion => ({
  code: '1.1',
  title: 'Kết nạp đảng viên mới',
  maxPoints,
  method: 'TARGET',
  indicator: 'newPartyMembersAdmitted',
  direction,
  defaultTarget,
});

describe('scoreTarget', () => {
  const rows = [
    {
      name: 'scores max × v / t against the pledge when one is registered',
      criterion: target('HIGHER_IS_BETTER'),
      value: '850',
      pledge: '1000' as string | undefined,
      points: '8.50',
      inputs: {
        value: '850',
        target: '1000',
        targetSource: 'pledge',
        direction: 'HIGHER_IS_BETTER',
      } as Record<string, string> | undefined,
      formula: '10.00 × min(850 / 1000, 1) = 8.50' as string | undefined,
    },
    {
      name: 'uses the scheme default target when there is no pledge',
      criterion: target('HIGHER_IS_BETTER', '10', '500'),
      value: '400',
      pledge: undefined,
      points: '8.00',
      inputs: {
        value: '400',
        target: '500',
        targetSource: 'scheme default',
        direction: 'HIGHER_IS_BETTER',
      },
      formula: '10.00 × min(400 / 500, 1) = 8.00',
    },
    {
      name: 'prefers the pledge over the scheme default target',
      criterion: target('HIGHER_IS_BETTER', '10', '500'),
      value: '400',
      pledge: '800',
      points: '5.00',
    },
    {
      name: 'caps at max when the value exceeds the target',
      criterion: target('HIGHER_IS_BETTER'),
      value: '1500',
      pledge: undefined,
      points: '10.00',
      formula: '10.00 × min(1500 / 1000, 1) = 10.00',
    },
    {
      name: 'gives max when the value meets the target exactly',
      criterion: target('HIGHER_IS_BETTER'),
      value: '1000',
      pledge: undefined,
      points: '10.00',
    },
    {
      name: 'gives max when the target is 0 and higher is better',
      criterion: target('HIGHER_IS_BETTER', '10', '0'),
      value: '0',
      pledge: undefined,
      points: '10.00',
      formula: 'target 0 = 0 → 10.00',
    },
    {
      name: 'gives max when a pledge of 0 is registered and higher is better',
      criterion: target('HIGHER_IS_BETTER'),
      value: '3',
      pledge: '0',
      points: '10.00',
    },
    {
      name: 'gives 0 when the value is 0 and higher is better',
      criterion: target('HIGHER_IS_BETTER'),
      value: '0',
      pledge: undefined,
      points: '0.00',
    },
    {
      name: 'rounds a result of exactly x.xx5 up (10 × 123.5 / 1000 = 1.235)',
      criterion: target('HIGHER_IS_BETTER'),
      value: '123.5',
      pledge: undefined,
      points: '1.24',
      formula: '10.00 × min(123.5 / 1000, 1) = 1.24',
    },
    {
      name: 'rounds a result of exactly x.xx5 up with a fractional max (2.25 × 7 / 10 = 1.575)',
      criterion: target('HIGHER_IS_BETTER', '2.25', '10'),
      value: '7',
      pledge: undefined,
      points: '1.58',
    },
    {
      name: 'rounds a repeating result to the nearest hundredth (10 × 2 / 3)',
      criterion: target('HIGHER_IS_BETTER', '10', '3'),
      value: '2',
      pledge: undefined,
      points: '6.67',
    },
    {
      name: 'gives max when the value is under the target and lower is better',
      criterion: target('LOWER_IS_BETTER', '10', '5'),
      value: '3',
      pledge: undefined,
      points: '10.00',
      formula: '3 ≤ 5 → 10.00',
    },
    {
      name: 'gives max when the value equals the target and lower is better',
      criterion: target('LOWER_IS_BETTER', '10', '5'),
      value: '5',
      pledge: undefined,
      points: '10.00',
    },
    {
      name: 'gives max × t / v when the value is over the target and lower is better',
      criterion: target('LOWER_IS_BETTER', '10', '5'),
      value: '8',
      pledge: undefined,
      points: '6.25',
      formula: '10.00 × 5 / 8 = 6.25',
    },
    {
      name: 'gives max when the value is 0 and lower is better',
      criterion: target('LOWER_IS_BETTER', '10', '5'),
      value: '0',
      pledge: undefined,
      points: '10.00',
    },
    {
      name: 'gives max for a value of 0 against a target of 0 when lower is better',
      criterion: target('LOWER_IS_BETTER', '10', '0'),
      value: '0',
      pledge: undefined,
      points: '10.00',
    },
    {
      name: 'gives 0 for any value over a target of 0 when lower is better',
      criterion: target('LOWER_IS_BETTER', '10', '0'),
      value: '3',
      pledge: undefined,
      points: '0.00',
    },
    {
      name: 'rounds exactly x.xx5 up when lower is better (10 × 1 / 16 = 0.625)',
      criterion: target('LOWER_IS_BETTER', '10', '1'),
      value: '16',
      pledge: undefined,
      points: '0.63',
    },
  ];
  test.each(rows)('$name', ({ criterion, value, pledge, points, inputs, formula }) => {
    const result = scoreTarget(criterion, value, pledge);
    expect(formatHundredths(result.points)).toBe(points);
    if (inputs !== undefined) expect(result.inputs).toEqual(inputs);
    if (formula !== undefined) expect(result.formula).toBe(formula);
  });
});

const bands = (list: BandsCriterion['bands']): BandsCriterion => ({
  code: '1.2',
  title: 'Tỷ lệ hoàn thành bồi dưỡng chính trị',
  maxPoints: '8',
  method: 'BANDS',
  indicator: 'trainingCompletionRate',
  bands: list,
});
const ascending = [
  { threshold: '50', points: '2' },
  { threshold: '70', points: '5' },
  { threshold: '90', points: '8' },
];

describe('scoreBands', () => {
  const rows = [
    {
      name: 'gives 0 when the value is below the first threshold',
      criterion: bands(ascending),
      value: '49.99',
      points: '0.00',
      thresholdReached: 'none',
      formula: '49.99 < 50 → 0.00' as string | undefined,
    },
    {
      name: 'gives 0 when the value is 0',
      criterion: bands(ascending),
      value: '0',
      points: '0.00',
      thresholdReached: 'none',
    },
    {
      name: 'gives the band points when the value equals its threshold',
      criterion: bands(ascending),
      value: '70',
      points: '5.00',
      thresholdReached: '70',
      formula: '70 ≥ 70 → 5.00',
    },
    {
      name: 'gives the lower band just under the next threshold',
      criterion: bands(ascending),
      value: '89.99',
      points: '5.00',
      thresholdReached: '70',
    },
    {
      name: 'gives the highest band when the value is above every threshold',
      criterion: bands(ascending),
      value: '100',
      points: '8.00',
      thresholdReached: '90',
    },
    {
      name: 'finds the highest reached threshold when the bands are listed in descending order',
      criterion: bands([...ascending].reverse()),
      value: '75',
      points: '5.00',
      thresholdReached: '70',
    },
    {
      name: 'gives a band with threshold 0 to a value of 0',
      criterion: bands([
        { threshold: '0', points: '1.5' },
        { threshold: '10', points: '8' },
      ]),
      value: '0',
      points: '1.50',
      thresholdReached: '0',
    },
  ];
  test.each(rows)('$name', ({ criterion, value, points, thresholdReached, formula }) => {
    const result = scoreBands(criterion, value);
    expect(formatHundredths(result.points)).toBe(points);
    expect(result.inputs).toEqual({ value, thresholdReached });
    if (formula !== undefined) expect(result.formula).toBe(formula);
  });
});

const yesNo: YesNoCriterion = {
  code: '1.3',
  title: 'Báo cáo đúng hạn trên hệ thống',
  maxPoints: '5',
  method: 'YES_NO',
  indicator: 'reportFiledOnPlatform',
};

describe('scoreYesNo', () => {
  const rows = [
    { name: 'gives max for 1', value: '1', points: '5.00', formula: '1 → 5.00' },
    {
      name: 'gives max for 1 written with decimals',
      value: '1.00',
      points: '5.00',
      formula: '1.00 → 5.00',
    },
    { name: 'gives 0 for 0', value: '0', points: '0.00', formula: '0 → 0.00' },
  ];
  test.each(rows)('$name', ({ value, points, formula }) => {
    const result = scoreYesNo(yesNo, value);
    expect(formatHundredths(result.points)).toBe(points);
    expect(result.formula).toBe(formula);
    expect(result.inputs).toEqual({ value });
  });

  const badRows = [
    { name: 'throws for 2, which validation should have refused', value: '2' },
    { name: 'throws for 0.5, which validation should have refused', value: '0.5' },
  ];
  test.each(badRows)('$name', ({ value }) => {
    expect(() => scoreYesNo(yesNo, value)).toThrow(RangeError);
  });
});

const selfAssessed: SelfAssessedCriterion = {
  code: '2.3',
  title: 'Công tác chỉ đạo, điều hành',
  maxPoints: '10',
  method: 'SELF_ASSESSED',
};

describe('scoreSelfAssessed', () => {
  const rows = [
    {
      name: 'uses the self-score when the lead has not reviewed it',
      selfScore: '8.5',
      reviewed: undefined as string | undefined,
      points: '8.50',
      inputs: { selfScore: '8.5', scoreUsed: 'self' } as Record<string, string>,
      formula: 'self-score 8.5 = 8.50',
    },
    {
      name: 'uses the reviewed score when it is lower than the self-score',
      selfScore: '9',
      reviewed: '7.25',
      points: '7.25',
      inputs: { selfScore: '9', reviewedScore: '7.25', scoreUsed: 'reviewed' },
      formula: 'reviewed 7.25 (self-score 9) = 7.25',
    },
    {
      name: 'uses the reviewed score when it is higher than the self-score',
      selfScore: '6',
      reviewed: '8',
      points: '8.00',
      inputs: { selfScore: '6', reviewedScore: '8', scoreUsed: 'reviewed' },
      formula: 'reviewed 8 (self-score 6) = 8.00',
    },
    {
      name: 'uses a reviewed score of 0 rather than falling back to the self-score',
      selfScore: '9',
      reviewed: '0',
      points: '0.00',
      inputs: { selfScore: '9', reviewedScore: '0', scoreUsed: 'reviewed' },
      formula: 'reviewed 0 (self-score 9) = 0.00',
    },
    {
      name: 'accepts a self-score equal to the maximum',
      selfScore: '10',
      reviewed: undefined,
      points: '10.00',
      inputs: { selfScore: '10', scoreUsed: 'self' },
      formula: 'self-score 10 = 10.00',
    },
    {
      name: 'accepts a self-score of 0',
      selfScore: '0',
      reviewed: undefined,
      points: '0.00',
      inputs: { selfScore: '0', scoreUsed: 'self' },
      formula: 'self-score 0 = 0.00',
    },
  ];
  test.each(rows)('$name', ({ selfScore, reviewed, points, inputs, formula }) => {
    const result = scoreSelfAssessed(selfAssessed, selfScore, reviewed);
    expect(formatHundredths(result.points)).toBe(points);
    expect(result.inputs).toEqual(inputs);
    expect(result.formula).toBe(formula);
  });

  const badRows = [
    { name: 'throws for a self-score above the maximum', selfScore: '10.01', reviewed: undefined },
    { name: 'throws for a reviewed score above the maximum', selfScore: '9', reviewed: '11' },
  ];
  test.each(badRows)('$name', ({ selfScore, reviewed }) => {
    expect(() => scoreSelfAssessed(selfAssessed, selfScore, reviewed)).toThrow(RangeError);
  });
});

const relative = (direction: RelativeCriterion['direction']): RelativeCriterion => ({
  code: '2.1',
  title: 'Thu ngân sách',
  maxPoints: '10',
  method: 'RELATIVE',
  indicator: 'budgetCollected',
  direction,
});

describe('scoreRelative', () => {
  const rows = [
    {
      name: 'gives max × v / b when higher is better',
      criterion: relative('HIGHER_IS_BETTER'),
      value: '850',
      best: '1000',
      points: '8.50',
      formula: '10.00 × 850 / 1000 = 8.50' as string | undefined,
    },
    {
      name: 'gives max to the best unit when higher is better',
      criterion: relative('HIGHER_IS_BETTER'),
      value: '1000',
      best: '1000',
      points: '10.00',
    },
    {
      name: 'gives everyone max when the best value is 0 and higher is better',
      criterion: relative('HIGHER_IS_BETTER'),
      value: '0',
      best: '0',
      points: '10.00',
      formula: 'best 0 = 0 → 10.00',
    },
    {
      name: 'gives 0 for a value of 0 against a positive best when higher is better',
      criterion: relative('HIGHER_IS_BETTER'),
      value: '0',
      best: '40',
      points: '0.00',
    },
    {
      name: 'rounds exactly x.xx5 up when higher is better (10 × 1 / 16 = 0.625)',
      criterion: relative('HIGHER_IS_BETTER'),
      value: '1',
      best: '16',
      points: '0.63',
    },
    {
      name: 'rounds a repeating third down when higher is better',
      criterion: relative('HIGHER_IS_BETTER'),
      value: '1',
      best: '3',
      points: '3.33',
    },
    {
      name: 'caps at max when a stale best value is below the unit value',
      criterion: relative('HIGHER_IS_BETTER'),
      value: '1200',
      best: '1000',
      points: '10.00',
      formula: '10.00 × min(1200 / 1000, 1) = 10.00',
    },
    {
      name: 'gives max × b / v when lower is better',
      criterion: relative('LOWER_IS_BETTER'),
      value: '5',
      best: '2',
      points: '4.00',
      formula: '10.00 × 2 / 5 = 4.00',
    },
    {
      name: 'gives max to the best unit when lower is better',
      criterion: relative('LOWER_IS_BETTER'),
      value: '2',
      best: '2',
      points: '10.00',
    },
    {
      name: 'gives max for a value of 0 when lower is better',
      criterion: relative('LOWER_IS_BETTER'),
      value: '0',
      best: '0',
      points: '10.00',
      formula: '0 = 0 → 10.00',
    },
    {
      name: 'gives 0 when the best value is 0 and the unit value is not, lower being better',
      criterion: relative('LOWER_IS_BETTER'),
      value: '3',
      best: '0',
      points: '0.00',
    },
    {
      name: 'rounds exactly x.xx5 up when lower is better (10 × 1 / 16 = 0.625)',
      criterion: relative('LOWER_IS_BETTER'),
      value: '16',
      best: '1',
      points: '0.63',
    },
  ];
  test.each(rows)('$name', ({ criterion, value, best, points, formula }) => {
    const result = scoreRelative(criterion, value, best);
    expect(formatHundredths(result.points)).toBe(points);
    expect(result.inputs).toEqual({ value, bestValue: best, direction: criterion.direction });
    if (formula !== undefined) expect(result.formula).toBe(formula);
  });
});

const count = (pointsPerItem: string): CountCriterion => ({
  code: '2.2',
  title: 'Văn bản tham mưu được ban hành',
  maxPoints: '10',
  method: 'COUNT',
  indicator: 'documentsAdvised',
  pointsPerItem,
});

describe('scoreCount', () => {
  const rows = [
    {
      name: 'gives v × p under the cap',
      pointsPerItem: '0.5',
      value: '12',
      points: '6.00',
      formula: 'min(10.00, 12 × 0.5) = 6.00',
    },
    {
      name: 'gives exactly max when v × p equals the cap',
      pointsPerItem: '0.5',
      value: '20',
      points: '10.00',
      formula: 'min(10.00, 20 × 0.5) = 10.00',
    },
    {
      name: 'caps at max when v × p exceeds it',
      pointsPerItem: '0.5',
      value: '31',
      points: '10.00',
      formula: 'min(10.00, 31 × 0.5) = 10.00',
    },
    {
      name: 'gives 0 for a count of 0',
      pointsPerItem: '0.5',
      value: '0',
      points: '0.00',
      formula: 'min(10.00, 0 × 0.5) = 0.00',
    },
    {
      name: 'keeps hundredths of the points per item exactly',
      pointsPerItem: '0.33',
      value: '7',
      points: '2.31',
      formula: 'min(10.00, 7 × 0.33) = 2.31',
    },
  ];
  test.each(rows)('$name', ({ pointsPerItem, value, points, formula }) => {
    const result = scoreCount(count(pointsPerItem), value);
    expect(formatHundredths(result.points)).toBe(points);
    expect(result.inputs).toEqual({ value, pointsPerItem });
    expect(result.formula).toBe(formula);
  });
});

describe('classify', () => {
  const rows = [
    {
      name: 'is XUAT_SAC at exactly 90%',
      total: '90',
      maxTotal: '100',
      disqualified: false,
      is: 'XUAT_SAC',
    },
    {
      name: 'is TOT one hundredth under 90%',
      total: '89.99',
      maxTotal: '100',
      disqualified: false,
      is: 'TOT',
    },
    { name: 'is TOT at exactly 70%', total: '70', maxTotal: '100', disqualified: false, is: 'TOT' },
    {
      name: 'is HOAN_THANH one hundredth under 70%',
      total: '69.99',
      maxTotal: '100',
      disqualified: false,
      is: 'HOAN_THANH',
    },
    {
      name: 'is HOAN_THANH at exactly 50%',
      total: '50',
      maxTotal: '100',
      disqualified: false,
      is: 'HOAN_THANH',
    },
    {
      name: 'is KHONG_HOAN_THANH one hundredth under 50%',
      total: '49.99',
      maxTotal: '100',
      disqualified: false,
      is: 'KHONG_HOAN_THANH',
    },
    {
      name: 'is KHONG_HOAN_THANH at 0',
      total: '0',
      maxTotal: '100',
      disqualified: false,
      is: 'KHONG_HOAN_THANH',
    },
    {
      name: 'is XUAT_SAC above maxTotal (bonus)',
      total: '104',
      maxTotal: '100',
      disqualified: false,
      is: 'XUAT_SAC',
    },
    {
      name: 'is XUAT_SAC at exactly 90% of a maxTotal of 80',
      total: '72',
      maxTotal: '80',
      disqualified: false,
      is: 'XUAT_SAC',
    },
    {
      name: 'is TOT just under 90% of a maxTotal of 80',
      total: '71.99',
      maxTotal: '80',
      disqualified: false,
      is: 'TOT',
    },
    {
      name: 'is XUAT_SAC at exactly 90% of a maxTotal of 33.33 (29.997)',
      total: '30',
      maxTotal: '33.33',
      disqualified: false,
      is: 'XUAT_SAC',
    },
    {
      name: 'is TOT under 90% of a maxTotal of 33.33',
      total: '29.99',
      maxTotal: '33.33',
      disqualified: false,
      is: 'TOT',
    },
    {
      name: 'demotes a disqualified XUAT_SAC unit to TOT',
      total: '100',
      maxTotal: '100',
      disqualified: true,
      is: 'TOT',
    },
    {
      name: 'keeps a disqualified TOT unit at TOT',
      total: '75',
      maxTotal: '100',
      disqualified: true,
      is: 'TOT',
    },
    {
      name: 'keeps a disqualified HOAN_THANH unit at HOAN_THANH',
      total: '55',
      maxTotal: '100',
      disqualified: true,
      is: 'HOAN_THANH',
    },
  ];
  test.each(rows)('$name', ({ total, maxTotal, disqualified, is }) => {
    expect(
      classify(
        parseHundredths(total),
        parseHundredths(maxTotal),
        defaultClassificationBands,
        disqualified,
      ),
    ).toBe(is);
  });

  const ownBands = { XUAT_SAC: 95, TOT: 80, HOAN_THANH: 60 };
  test.each([
    { total: '95', is: 'XUAT_SAC' },
    { total: '94.99', is: 'TOT' },
    { total: '80', is: 'TOT' },
    { total: '79.99', is: 'HOAN_THANH' },
    { total: '60', is: 'HOAN_THANH' },
    { total: '59.99', is: 'KHONG_HOAN_THANH' },
  ] as const)('classifies $total of 100 as $is with bands of 95 / 80 / 60', ({ total, is }) => {
    expect(classify(parseHundredths(total), parseHundredths('100'), ownBands, false)).toBe(is);
  });
});
