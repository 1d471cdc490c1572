import { z } from 'zod';
import { slug } from '../codes.ts';
import { awardKind } from './tie-vote-recorded.v1.ts';
import { humanName, humanReason } from '../text.ts';

export const awardDecision = z.enum(['APPROVE', 'APPROVE_LOWER', 'RETURN', 'REJECT']);
export type AwardDecision = z.infer<typeof awardDecision>;

/** The central board's decision on one line of a cluster's award proposal (SCORING.md §7). */
export const awardDecidedV1 = z.object({
  year: z.number().int().min(2000).max(2100),
  unitCode: slug,
  /** The award the line proposed. */
  award: awardKind,
  decision: awardDecision,
  reason: humanReason,
  decisionNumber: humanName,
  decidedOn: z.iso.date(),
  signer: humanName,
});

export type AwardDecidedV1 = z.infer<typeof awardDecidedV1>;
