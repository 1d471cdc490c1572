import { z } from 'zod';
import { instant, periodId, slug } from '../codes.ts';
import { decimal } from '../decimal.ts';

export const classification = z.enum(['XUAT_SAC', 'TOT', 'HOAN_THANH', 'KHONG_HOAN_THANH']);
export type Classification = z.infer<typeof classification>;

/** How one criterion's points were reached: the inputs used, the formula and the result. */
export const criterionScore = z.object({
  code: z.string(),
  method: z.string(),
  maxPoints: decimal,
  points: decimal,
  inputs: z.record(z.string(), z.string()),
  formula: z.string(),
});

export type CriterionScore = z.infer<typeof criterionScore>;

/** A unit's scorecard for a period, computed from its counted submission. */
export const scorecardComputedV1 = z.object({
  unitCode: slug,
  periodId,
  submissionVersion: z.number().int().positive(),
  submittedAt: instant,
  onTime: z.boolean(),
  criteria: z.array(criterionScore),
  criteriaSum: decimal,
  /** The bonus items counted, before the scheme's cap applies to their sum. */
  bonusItems: z.array(z.object({ points: decimal, reason: z.string() })),
  bonus: decimal,
  deductionItems: z.array(
    z.object({ points: decimal, reason: z.string(), disqualifying: z.boolean() }),
  ),
  lateness: decimal,
  deductions: decimal,
  total: decimal,
  classification,
  /** A disqualifying deduction bars the unit from XUAT_SAC and from awards. */
  disqualified: z.boolean(),
  /**
   * The indicators whose reviewed value replaced the submitted one (thẩm định); absent when none
   * was reviewed, so scorecards without reviews keep their earlier form.
   */
  reviewedIndicators: z
    .array(
      z.object({
        indicator: z.string(),
        submittedValue: decimal,
        reviewedValue: decimal,
        reason: z.string(),
        reviewer: z.string(),
      }),
    )
    .optional(),
});

export type ScorecardComputedV1 = z.infer<typeof scorecardComputedV1>;
