import { z } from 'zod';
import { slug } from '../codes.ts';
import { awardDecidedV1, awardDecision } from './award-decided.v1.ts';
import { awardKind } from './tie-vote-recorded.v1.ts';

export const proposalLine = z.discriminatedUnion('status', [
  z.object({
    unitCode: slug,
    award: awardKind,
    status: z.literal('PROPOSED'),
    rank: z.number().int().positive(),
    byVote: z.boolean(),
  }),
  z.object({
    unitCode: slug,
    award: awardKind,
    status: z.literal('TIED'),
    rank: z.number().int().positive(),
    seats: z.number().int().positive(),
  }),
]);

export const awardLine = z.object({
  unitCode: slug,
  proposed: awardKind,
  status: z.enum(['PROPOSED', 'TIED']),
  rank: z.number().int().positive(),
  byVote: z.boolean(),
  /** The latest decision of the central board on this line, if any. */
  decision: awardDecidedV1.omit({ year: true, unitCode: true, award: true }).nullable(),
  /** What the unit receives once decided: the proposed award, a lower one, or none. */
  granted: awardKind.nullable(),
});

export type AwardLine = z.infer<typeof awardLine>;

/** A cluster's award sheet for a year after a change: proposal lines, decisions and awards. */
export const awardsChangedV1 = z.object({
  year: z.number().int().min(2000).max(2100),
  revision: z.number().int().positive(),
  lines: z.array(awardLine),
  ineligible: z.array(
    z.object({
      unitCode: slug,
      reasons: z.array(z.enum(['NOT_XUAT_SAC', 'DISQUALIFIED', 'LATE'])),
    }),
  ),
  meritSeats: z.number().int().min(0),
  pendingVote: z
    .object({
      award: awardKind,
      rank: z.number().int(),
      seats: z.number().int(),
      units: z.array(slug),
    })
    .nullable(),
});

export type AwardsChangedV1 = z.infer<typeof awardsChangedV1>;
export { awardDecision };
