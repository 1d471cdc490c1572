import { z } from 'zod';
import { periodId } from '../codes.ts';

/** A period closes; later submissions are refused. */
export const periodClosedV1 = z.object({ periodId });

export type PeriodClosedV1 = z.infer<typeof periodClosedV1>;
