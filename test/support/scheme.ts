import type { SchemeInput } from '@thidua/schema';

/** The full 100-point scheme of the demo, for tests that want a realistic one. */
export { demoScheme } from '../../infra/src/demo/demo-scheme.ts';

export type IndicatorInput = SchemeInput['indicators'][number];
export type CriterionInput = SchemeInput['headings'][number]['criteria'][number];

// Indicators by kind. A count's default maximum is generous for one province in a year.
export const countIndicator = (
  code: string,
  maxValue = '30000',
  title = 'Đảng viên mới kết nạp',
): IndicatorInput => ({ code, title, kind: 'COUNT', maxValue });

export const percentIndicator = (code: string, title = `Tỷ lệ ${code} (%)`): IndicatorInput => ({
  code,
  title,
  kind: 'PERCENT',
});

export const yesNoIndicator = (code: string, title = `Hoàn thành ${code}`): IndicatorInput => ({
  code,
  title,
  kind: 'YES_NO',
});

/** New party members admitted in the year: the figure most test schemes score. */
export const admitted = countIndicator('admitted');

// Criteria by method, each scoring the indicator named (titles matter only where a file shows them).
export const selfAssessed = (code: string, maxPoints: string): CriterionInput => ({
  code,
  title: 'Tự đánh giá',
  maxPoints,
  method: 'SELF_ASSESSED',
});

export const countCriterion = (
  code: string,
  maxPoints: string,
  indicator: string,
  pointsPerItem: string,
  title = 'Kết nạp đảng viên',
): CriterionInput => ({ code, title, maxPoints, method: 'COUNT', indicator, pointsPerItem });

export const targetCriterion = (
  code: string,
  maxPoints: string,
  indicator: string,
  defaultTarget: string,
  title = 'Kết nạp đảng viên',
): CriterionInput => ({
  code,
  title,
  maxPoints,
  method: 'TARGET',
  indicator,
  direction: 'HIGHER_IS_BETTER',
  defaultTarget,
});

export const relativeCriterion = (
  code: string,
  maxPoints: string,
  indicator: string,
  title = `So với đơn vị cao nhất: ${indicator}`,
): CriterionInput => ({
  code,
  title,
  maxPoints,
  method: 'RELATIVE',
  indicator,
  direction: 'HIGHER_IS_BETTER',
});

export const yesNoCriterion = (
  code: string,
  maxPoints: string,
  indicator: string,
  title = `Hoàn thành ${indicator}`,
): CriterionInput => ({ code, title, maxPoints, method: 'YES_NO', indicator });

/**
 * A small scheme of `year` whose totals a test can work out by hand: one heading holding
 * `criteria`, by default new party members admitted at a point each up to 50 and a self-assessed
 * 50; any other field (code, indicators, bands, quotas, tie-breaks) as given.
 */
export function testScheme(
  year: number,
  {
    criteria = [countCriterion('1.1', '50', 'admitted', '1'), selfAssessed('1.2', '50')],
    ...fields
  }: Partial<SchemeInput> & { criteria?: CriterionInput[] } = {},
): SchemeInput {
  return {
    code: `test-scheme-${year}`,
    year,
    title: 'Bảng điểm thử nghiệm',
    indicators: [admitted],
    headings: [{ code: 'I', title: 'Công tác xây dựng Đảng', criteria }],
    ...fields,
  };
}
