import { z } from 'zod';
import { instant, periodId, slug } from '../codes.ts';
import { decimal } from '../decimal.ts';
import { classification } from './scorecard-computed.v1.ts';

export const standingEntry = z.object({
  unitCode: slug,
  unitName: z.string(),
  status: z.enum(['RANKED', 'NOT_SUBMITTED']),
  rank: z.number().int().positive().nullable(),
  total: decimal.nullable(),
  criteriaSum: decimal.nullable(),
  deductions: decimal.nullable(),
  classification: classification.nullable(),
  submittedAt: instant.nullable(),
  /** Places gained (positive) or lost since the previous standings; null when new or unranked. */
  movement: z.number().int().nullable(),
});

export type StandingEntry = z.infer<typeof standingEntry>;

/** A cluster's standings for a period after a change; `revision` counts the changes. */
export const standingsChangedV1 = z.object({
  periodId,
  revision: z.number().int().positive(),
  entries: z.array(standingEntry),
});

export type StandingsChangedV1 = z.infer<typeof standingsChangedV1>;
