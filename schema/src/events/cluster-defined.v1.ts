import { z } from 'zod';
import { slug } from '../codes.ts';
import { humanName } from '../text.ts';

/** A cluster and its members for a year (the membership a period takes at its deadline). */
export const clusterDefinedV1 = z.object({
  name: humanName,
  year: z.number().int().min(2000).max(2100),
  members: z
    .array(
      z.object({
        unitCode: slug,
        name: humanName,
        /** The units merged into this one (SCORING.md §9); their history shows as its own. */
        mergedFrom: z.array(slug).default([]),
      }),
    )
    .min(1)
    .refine((members) => new Set(members.map((m) => m.unitCode)).size === members.length, {
      message: 'a unit is listed twice',
    }),
  lead: slug.nullable(),
  /** The deputies (cụm phó) of the year; they review the lead's own scorecard. */
  deputies: z.array(slug).default([]),
});

export type ClusterDefinedV1 = z.infer<typeof clusterDefinedV1>;
