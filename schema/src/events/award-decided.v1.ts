import { z } from 'zod';
import { slug } from '../codes.ts';
import { awardKind } from './tie-vote-recorded.v1.ts';

export const awardDecision = z.enum(['APPROVE', 'APPROVE_LOWER', 'RETURN', 'REJECT']);
export type AwardDecision = z.infer<typeof awardDecision>;

/** The central board's decision on one line of a cluster's award proposal (SCORING.md §7). */
export const awardDecidedV1 = z.object({
  year: z.number().int().min(2000).max(2100),
  unitCode: slug,
  /** The award the line proposed. */
  award: awardKind,
  decision: awardDecision,
  reason: z.string().min(1),
  decisionNumber: z.string().min(1),
  decidedOn: z.iso.date(),
  signer: z.string().min(1),
});

export type AwardDecidedV1 = z.infer<typeof awardDecidedV1>;
