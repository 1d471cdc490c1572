import { describe, expect, test } from 'vitest';
import { scheme as schemeModel, schemeProblems, type SchemeInput } from '../src/scheme.ts';

const base: SchemeInput = {
  code: 'cum-1-2027',
  year: 2027,
  title: 'Bảng chấm điểm thi đua Cụm số 1 năm 2027',
  maxTotal: '100',
  indicators: [
    { code: 'admitted', title: 'Đảng viên mới', kind: 'COUNT', maxValue: '30000' },
    { code: 'trained', title: 'Tỷ lệ bồi dưỡng', kind: 'PERCENT' },
    { code: 'filed', title: 'Báo cáo đúng hạn', kind: 'YES_NO' },
  ],
  headings: [
    {
      code: 'I',
      title: 'Nhiệm vụ chính trị',
      criteria: [
        {
          code: '1.1',
          title: 'Kết nạp đảng viên',
          maxPoints: '60',
          method: 'RELATIVE',
          indicator: 'admitted',
          direction: 'HIGHER_IS_BETTER',
        },
        {
          code: '1.2',
          title: 'Bồi dưỡng',
          maxPoints: '40',
          method: 'BANDS',
          indicator: 'trained',
          bands: [
            { threshold: '50', points: '20' },
            { threshold: '90', points: '40' },
          ],
        },
      ],
    },
  ],
};

const problemsOf = (input: SchemeInput) =>
  schemeProblems(schemeModel.parse(input)).map((p) => p.path);

describe("an indicator's plausible maximum", () => {
  test('is required of a COUNT or DECIMAL indicator, with a message that says so', () => {
    const parsed = schemeModel.safeParse({
      ...base,
      indicators: [{ code: 'admitted', title: 'Đảng viên mới', kind: 'COUNT' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'indicators.0.maxValue',
        'a COUNT or DECIMAL indicator needs maxValue, its largest plausible value',
      ],
    ]);
  });

  test('defaults to 100 for a percentage and to 1 for a yes/no', () => {
    const parsed = schemeModel.parse(base);
    expect(parsed.indicators.map((i) => i.maxValue)).toEqual(['30000', '100', '1']);
  });
});

describe('schemeProblems', () => {
  test('finds nothing in a scheme within every bound', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  test.each([
    { name: 'a maxTotal of 0', change: { maxTotal: '0' }, paths: ['maxTotal', 'headings'] },
    { name: 'a maxTotal above 10 000', change: { maxTotal: '10000.01' }, paths: ['maxTotal'] },
    { name: 'a bonusCap above 10 000', change: { bonusCap: '20000' }, paths: ['bonusCap'] },
    {
      name: 'a latePointsCap above 10 000',
      change: { latePointsCap: '999999999999' },
      paths: ['latePointsCap'],
    },
    {
      name: 'criteria whose maxPoints add up to more than maxTotal',
      change: { maxTotal: '99.99' },
      paths: ['headings'],
    },
  ])('refuses $name', ({ change, paths }) => {
    expect(problemsOf({ ...base, ...change })).toEqual(paths);
  });

  test('refuses a band worth more than its criterion, bilingually', () => {
    const heading = base.headings[0];
    const [relative, bands] = heading?.criteria ?? [];
    if (heading === undefined || relative === undefined || bands?.method !== 'BANDS') {
      throw new Error('the base scheme changed');
    }
    const overpaid = {
      ...base,
      headings: [
        {
          ...heading,
          criteria: [relative, { ...bands, bands: [{ threshold: '90', points: '40.01' }] }],
        },
      ],
    };
    expect(schemeProblems(schemeModel.parse(overpaid))).toEqual([
      {
        path: 'headings.0.criteria.1.bands.0.points',
        message: 'A band of criterion 1.2 is worth 40.01, above its maxPoints 40',
        messageVi: 'Một mức của tiêu chí 1.2 được 40.01 điểm, vượt quá điểm tối đa 40',
      },
    ]);
  });

  test('refuses a maxValue its kind cannot have', () => {
    const indicators: SchemeInput['indicators'] = [
      { code: 'admitted', title: 'Đảng viên mới', kind: 'COUNT', maxValue: '30000.5' },
      { code: 'trained', title: 'Tỷ lệ bồi dưỡng', kind: 'PERCENT', maxValue: '150' },
      { code: 'filed', title: 'Báo cáo đúng hạn', kind: 'YES_NO', maxValue: '2' },
    ];
    expect(problemsOf({ ...base, indicators })).toEqual([
      'indicators.0.maxValue',
      'indicators.1.maxValue',
      'indicators.2.maxValue',
    ]);
  });
});
