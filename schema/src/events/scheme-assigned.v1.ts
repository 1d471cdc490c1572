import { z } from 'zod';
import { scheme } from '../scheme.ts';

/** The scheme a cluster is scored by for a year, with its full content. */
export const schemeAssignedV1 = z.object({ scheme });

export type SchemeAssignedV1 = z.infer<typeof schemeAssignedV1>;
