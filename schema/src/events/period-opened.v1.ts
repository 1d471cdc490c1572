import { z } from 'zod';
import { instant, periodId } from '../codes.ts';

/** A period opens for submissions; submissions after `deadline` are late. */
export const periodOpenedV1 = z.object({
  periodId,
  deadline: instant,
});

export type PeriodOpenedV1 = z.infer<typeof periodOpenedV1>;
