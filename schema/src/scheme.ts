import { z } from 'zod';
import { slug } from './codes.ts';
import { decimal } from './decimal.ts';

/** Which way an indicator is better. */
export const direction = z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']);

export const indicatorKind = z.enum(['COUNT', 'DECIMAL', 'PERCENT', 'YES_NO']);

export const indicator = z.object({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a camelCase code'),
  title: z.string().min(1),
  kind: indicatorKind,
});

const criterionBase = {
  code: z.string().regex(/^\d+(\.\d+)*$/, 'must be a dotted number such as 2.3'),
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
});

export type Scheme = z.infer<typeof scheme>;
export type SchemeInput = z.input<typeof scheme>;
