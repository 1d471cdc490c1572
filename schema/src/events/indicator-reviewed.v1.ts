import { z } from 'zod';
import { periodId, slug } from '../codes.ts';
import { decimal } from '../decimal.ts';
import { humanReason } from '../text.ts';

/**
 * The reviewed value (thẩm định) of one indicator of a unit's period, with the reviewer's reason.
 * It replaces the submitted value in every scoring rule, for the version it was made on and every
 * later one, until a reviewer sets another.
 */
export const indicatorReviewedV1 = z.object({
  unitCode: slug,
  periodId,
  indicator: z.string().min(1),
  reviewedValue: decimal,
  /** The counted version when the review was made. */
  submissionVersion: z.number().int().positive(),
  reason: humanReason,
  /** The reviewing unit (lead or deputy), or `central` for the central board. */
  reviewer: z.string().min(1),
});

export type IndicatorReviewedV1 = z.infer<typeof indicatorReviewedV1>;
