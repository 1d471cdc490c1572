import { z } from 'zod';
import { withVietnamese } from './issue-vi.ts';
import { slug } from './codes.ts';
import { decimal } from './decimal.ts';
import { tryParseHundredths } from './hundredths.ts';
import type { SubmissionProblem } from './validate-submission.ts';

/** Which way an indicator is better. */
export const direction = z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']);

export const indicatorKind = z.enum(['COUNT', 'DECIMAL', 'PERCENT', 'YES_NO']);

const indicatorBase = {
  code: z
    .string()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9]*$/,
      withVietnamese(
        'must be a camelCase code',
        'Mã chỉ tiêu phải bắt đầu bằng chữ cái và chỉ gồm chữ cái, chữ số (ví dụ cadresPlanned)',
      ),
    ),
  title: z.string().min(1),
};

const plausibleMaximum = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'a COUNT or DECIMAL indicator needs maxValue, its largest plausible value'
        : undefined,
  })
  .pipe(decimal);

/**
 * An indicator and `maxValue`, the largest value a unit can plausibly report (SCORING.md §5): a
 * submission above it is refused at once, so an absurd figure never reaches a RELATIVE criterion's
 * best value. A COUNT or DECIMAL indicator must state it, since no default fits both "documents
 * advised" (hundreds) and "new party members admitted" (tens of thousands); a PERCENT indicator is
 * at most 100 and a YES_NO one at most 1 by its kind, so theirs default to that.
 */
/**
 * How an indicator's values over several units make one figure (SCORING.md §8): `SUM` adds them,
 * `AVERAGE` averages them over the units that reported it (shown with their number), `YES_COUNT`
 * counts the yeses as "n of m units". A count or a decimal is summed unless the scheme says to
 * average it (a ratio reported as a decimal); a sum of percentages or of yes/no answers means
 * nothing, so those kinds have one way only.
 */
export const rollUpKind = z.enum(['SUM', 'AVERAGE', 'YES_COUNT']);
export type RollUpKind = z.infer<typeof rollUpKind>;

const summedOrAveraged = z.enum(['SUM', 'AVERAGE']).default('SUM');

/**
 * An indicator and `maxValue`, the largest value a unit can plausibly report (SCORING.md §5): a
 * submission above it is refused at once, so an absurd figure never reaches a RELATIVE criterion's
 * best value. A COUNT or DECIMAL indicator must state it, since no default fits both "documents
 * advised" (hundreds) and "new party members admitted" (tens of thousands); a PERCENT indicator is
 * at most 100 and a YES_NO one at most 1 by its kind, so theirs default to that. `rollUp` says how
 * the summaries add it up over units; a scheme without it gets its kind's default.
 */
export const indicator = z.discriminatedUnion('kind', [
  z.object({
    ...indicatorBase,
    kind: z.literal('COUNT'),
    maxValue: plausibleMaximum,
    rollUp: summedOrAveraged,
  }),
  z.object({
    ...indicatorBase,
    kind: z.literal('DECIMAL'),
    maxValue: plausibleMaximum,
    rollUp: summedOrAveraged,
  }),
  z.object({
    ...indicatorBase,
    kind: z.literal('PERCENT'),
    maxValue: decimal.default('100'),
    rollUp: z.literal('AVERAGE').default('AVERAGE'),
  }),
  z.object({
    ...indicatorBase,
    kind: z.literal('YES_NO'),
    maxValue: decimal.default('1'),
    rollUp: z.literal('YES_COUNT').default('YES_COUNT'),
  }),
]);

export type Indicator = z.infer<typeof indicator>;
export type IndicatorKind = Indicator['kind'];

const bandPercent = z.number().int().min(1).max(100);

/**
 * The classification bands (SCORING.md §4): the lowest total, as a whole percentage of maxTotal,
 * that reaches each classification; below `HOAN_THANH` is `KHONG_HOAN_THANH`.
 */
export const classificationBands = z.object({
  XUAT_SAC: bandPercent,
  TOT: bandPercent,
  HOAN_THANH: bandPercent,
});
export type ClassificationBands = z.infer<typeof classificationBands>;

/** SCORING.md §4's default: 90 / 70 / 50 percent of maxTotal. */
export const defaultClassificationBands: ClassificationBands = {
  XUAT_SAC: 90,
  TOT: 70,
  HOAN_THANH: 50,
};

const criterionBase = {
  code: z
    .string()
    .regex(
      /^\d+(\.\d+)*$/,
      withVietnamese(
        'must be a dotted number such as 2.3',
        'Mã tiêu chí phải là các số nối bằng dấu chấm, ví dụ 2.3',
      ),
    ),
  title: z.string().min(1),
  maxPoints: decimal,
};

/** One line of a scheme; its method decides how the unit's input becomes points (SCORING.md §2). */
export const criterion = z.discriminatedUnion('method', [
  z.object({
    ...criterionBase,
    method: z.literal('TARGET'),
    indicator: z.string(),
    direction,
    defaultTarget: decimal,
  }),
  z.object({
    ...criterionBase,
    method: z.literal('BANDS'),
    indicator: z.string(),
    bands: z.array(z.object({ threshold: decimal, points: decimal })).min(1),
  }),
  z.object({ ...criterionBase, method: z.literal('YES_NO'), indicator: z.string() }),
  z.object({ ...criterionBase, method: z.literal('SELF_ASSESSED') }),
  z.object({ ...criterionBase, method: z.literal('RELATIVE'), indicator: z.string(), direction }),
  z.object({
    ...criterionBase,
    method: z.literal('COUNT'),
    indicator: z.string(),
    pointsPerItem: decimal,
  }),
]);

export type Criterion = z.infer<typeof criterion>;
export type CriterionMethod = Criterion['method'];

export const tieBreak = z.enum(['CRITERIA_SUM', 'DEDUCTIONS', 'SUBMITTED_AT']);
export type TieBreak = z.infer<typeof tieBreak>;

/** The scoring table of a year (bảng chấm điểm), with the parameters SCORING.md gives defaults for. */
export const scheme = z.object({
  code: slug,
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1),
  maxTotal: decimal.default('100'),
  indicators: z.array(indicator).min(1),
  headings: z
    .array(
      z.object({
        code: z.string().min(1),
        title: z.string().min(1),
        criteria: z.array(criterion).min(1),
      }),
    )
    .min(1),
  bonusCap: decimal.default('5'),
  latePointsPerDay: decimal.default('1'),
  latePointsCap: decimal.default('5'),
  tieBreaks: z.array(tieBreak).default(['CRITERIA_SUM', 'DEDUCTIONS', 'SUBMITTED_AT']),
  flagQuota: z.number().int().min(0).default(1),
  meritQuota: z
    .union([
      z.object({ count: z.number().int().min(0) }),
      z.object({ sharePercent: z.number().int().min(0).max(100) }),
    ])
    .default({ sharePercent: 20 }),
  awardsRequireOnTime: z.boolean().default(true),
  bands: classificationBands.default(defaultClassificationBands),
});

export type Scheme = z.infer<typeof scheme>;
export type SchemeInput = z.input<typeof scheme>;

/**
 * The limits that keep every figure derived from what the gateway accepts a valid `decimal` (at
 * most 12 integer digits) in every event, so no consumer ever has to dead-letter one:
 * - each criterion's points lie in [0, maxPoints] (BANDS points included), so
 *   criteriaSum ≤ Σ maxPoints ≤ maxTotal ≤ 10 000;
 * - bonus = min(Σ bonus items, bonusCap) ≤ 10 000, so total ≤ criteriaSum + bonus ≤ 20 000;
 * - each bonus or deduction item is at most maxTotal, and a unit gets at most 100 of each kind in a
 *   period, so deductions = lateness + Σ items ≤ 10 000 + 100 × 10 000 = 1 010 000.
 * The number of items is bounded rather than the scorecard's figures widened: a sum over an
 * unbounded number of items has no digit bound at all, so widening `deductions` would only move the
 * overflow, and would change a published v1 event every consumer and the API's Decimal share. Real
 * units get a handful of items in a period, so 100 refuses nothing real. Real schemes score out of
 * 100 or 1 000; the ceiling of maxTotal also keeps reporting's 10-point distribution bands (one per
 * 10 points of maxTotal) to at most 1 000.
 */
export const schemeLimits = {
  /** The largest maxTotal, bonusCap and latePointsCap a scheme may have. */
  maxTotal: '10000',
  /** Bonus items, and deduction items, one unit may get in one period (each kind counted apart). */
  itemsPerUnitAndPeriod: 100,
} as const;

/** Exact hundredths of a decimal the scheme's zod shape already checked. */
function hundredthsOf(value: string): bigint {
  return tryParseHundredths(value) ?? 0n;
}

/**
 * What the scheme's shape cannot say on its own (paths relative to the scheme): maxTotal in
 * (0, 10 000]; bonusCap and latePointsCap at most 10 000; the criteria's maxPoints adding up to at
 * most maxTotal (SCORING.md §3: criteriaSum ≤ maxTotal); a BANDS band worth at most its criterion's
 * maxPoints; an indicator's maxValue within what its kind allows.
 */
export function schemeProblems(scheme: Scheme): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const ceiling = hundredthsOf(schemeLimits.maxTotal);
  const maxTotal = hundredthsOf(scheme.maxTotal);
  if (maxTotal === 0n || maxTotal > ceiling) {
    problems.push({
      path: 'maxTotal',
      message: `maxTotal must be above 0 and at most ${schemeLimits.maxTotal}, got ${scheme.maxTotal}`,
      messageVi: `Tổng điểm tối đa (maxTotal) phải lớn hơn 0 và không quá ${schemeLimits.maxTotal}, đã nhập ${scheme.maxTotal}`,
    });
  }
  for (const field of ['bonusCap', 'latePointsCap'] as const) {
    if (hundredthsOf(scheme[field]) > ceiling) {
      problems.push({
        path: field,
        message: `${field} must be at most ${schemeLimits.maxTotal}, got ${scheme[field]}`,
        messageVi: `${field} không được vượt quá ${schemeLimits.maxTotal}, đã nhập ${scheme[field]}`,
      });
    }
  }

  const { XUAT_SAC, TOT, HOAN_THANH } = scheme.bands;
  if (!(XUAT_SAC > TOT && TOT > HOAN_THANH)) {
    problems.push({
      path: 'bands',
      message: `The classification bands must fall strictly from XUAT_SAC to TOT to HOAN_THANH, got ${XUAT_SAC} / ${TOT} / ${HOAN_THANH}`,
      messageVi: `Ngưỡng xếp loại phải giảm dần từ Xuất sắc đến Tốt đến Hoàn thành, đã nhập ${XUAT_SAC} / ${TOT} / ${HOAN_THANH}`,
    });
  }

  const criteria = scheme.headings.flatMap((heading) => heading.criteria);
  const maxPointsSum = criteria.reduce((sum, c) => sum + hundredthsOf(c.maxPoints), 0n);
  if (maxPointsSum > maxTotal) {
    problems.push({
      path: 'headings',
      message: `The criteria's maxPoints add up to more than maxTotal ${scheme.maxTotal}`,
      messageVi: `Tổng điểm tối đa của các tiêu chí vượt quá tổng điểm tối đa ${scheme.maxTotal} của bảng điểm`,
    });
  }
  scheme.headings.forEach((heading, h) => {
    heading.criteria.forEach((criterion, c) => {
      if (criterion.method !== 'BANDS') return;
      criterion.bands.forEach((band, b) => {
        if (hundredthsOf(band.points) > hundredthsOf(criterion.maxPoints)) {
          problems.push({
            path: `headings.${h}.criteria.${c}.bands.${b}.points`,
            message: `A band of criterion ${criterion.code} is worth ${band.points}, above its maxPoints ${criterion.maxPoints}`,
            messageVi: `Một mức của tiêu chí ${criterion.code} được ${band.points} điểm, vượt quá điểm tối đa ${criterion.maxPoints}`,
          });
        }
      });
    });
  });

  scheme.indicators.forEach((indicator, i) => {
    const maxValue = hundredthsOf(indicator.maxValue);
    const path = `indicators.${i}.maxValue`;
    if (indicator.kind === 'PERCENT' && maxValue > 100_00n) {
      problems.push({
        path,
        message: `Indicator "${indicator.code}" is a percentage, so its maxValue is at most 100, got ${indicator.maxValue}`,
        messageVi: `Chỉ tiêu "${indicator.code}" là tỷ lệ phần trăm, giá trị tối đa (maxValue) không quá 100, đã nhập ${indicator.maxValue}`,
      });
    } else if (indicator.kind === 'YES_NO' && maxValue !== 100n) {
      problems.push({
        path,
        message: `Indicator "${indicator.code}" is yes/no, so its maxValue is 1, got ${indicator.maxValue}`,
        messageVi: `Chỉ tiêu "${indicator.code}" là có/không, giá trị tối đa (maxValue) là 1, đã nhập ${indicator.maxValue}`,
      });
    } else if (indicator.kind === 'COUNT' && maxValue % 100n !== 0n) {
      problems.push({
        path,
        message: `Indicator "${indicator.code}" is a count, so its maxValue is a whole number, got ${indicator.maxValue}`,
        messageVi: `Chỉ tiêu "${indicator.code}" là số lượng, giá trị tối đa (maxValue) phải là số nguyên, đã nhập ${indicator.maxValue}`,
      });
    }
  });
  return problems;
}
