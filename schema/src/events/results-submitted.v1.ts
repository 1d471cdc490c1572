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
  /**
   * Set when the cluster's lead or the central board recorded results that arrived on paper: then
   * `submittedAt` is the moment the report was received, which counts for lateness, and this says
   * who recorded it (the lead's unit code, or `central`) and when. Absent on a unit's own
   * submission, so events from before it existed read unchanged.
   */
  paperReport: z.object({ recordedBy: z.string().min(1), recordedAt: instant }).optional(),
});

export type ResultsSubmittedV1 = z.infer<typeof resultsSubmittedV1>;
