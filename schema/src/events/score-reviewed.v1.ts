import { z } from 'zod';
import { periodId, slug } from '../codes.ts';
import { decimal } from '../decimal.ts';
import { humanReason } from '../text.ts';

/** The reviewed score (thẩm định) of a SELF_ASSESSED criterion, with the reviewer's reason. */
export const scoreReviewedV1 = z.object({
  unitCode: slug,
  periodId,
  criterion: z.string(),
  reviewedScore: decimal,
  reason: humanReason,
  /** The reviewing unit (lead or deputy), or `central` for the central board. */
  reviewer: z.string().min(1),
});

export type ScoreReviewedV1 = z.infer<typeof scoreReviewedV1>;
