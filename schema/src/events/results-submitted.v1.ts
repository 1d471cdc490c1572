import { z } from 'zod';
import { instant, periodId, slug } from '../codes.ts';
import { decimal } from '../decimal.ts';

/** One version of a unit's results for a period; the latest accepted version counts. */
export const resultsSubmittedV1 = z.object({
  unitCode: slug,
  periodId,
  submissionVersion: z.number().int().positive(),
  submittedAt: instant,
  indicators: z.record(z.string(), decimal),
  selfScores: z.record(z.string(), decimal),
});

export type ResultsSubmittedV1 = z.infer<typeof resultsSubmittedV1>;
