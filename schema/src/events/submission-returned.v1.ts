import { z } from 'zod';
import { periodId, slug } from '../codes.ts';
import { humanReason } from '../text.ts';

/**
 * A reviewer returned a unit's counted submission for explanation (giải trình). It keeps counting,
 * marked as returned, until the unit submits a new version.
 */
export const submissionReturnedV1 = z.object({
  unitCode: slug,
  periodId,
  submissionVersion: z.number().int().positive(),
  reason: humanReason,
  /** The returning unit (lead or deputy), or `central` for the central board. */
  returnedBy: z.string().min(1),
});

export type SubmissionReturnedV1 = z.infer<typeof submissionReturnedV1>;
