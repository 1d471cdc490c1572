import { z } from 'zod';
import { slug } from '../codes.ts';

export const awardKind = z.enum(['FLAG', 'MERIT']);
export type AwardKindName = z.infer<typeof awardKind>;

/** The cluster's vote (bình xét) on which units of a tied group take the seats, as the lead records it. */
export const tieVoteRecordedV1 = z.object({
  year: z.number().int().min(2000).max(2100),
  award: awardKind,
  rank: z.number().int().positive(),
  winners: z.array(slug).min(1),
  recordedBy: z.string().min(1),
});

export type TieVoteRecordedV1 = z.infer<typeof tieVoteRecordedV1>;
