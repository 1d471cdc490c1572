import { z } from 'zod';
import { instant, periodId } from '../codes.ts';

/** A period's deadline moved; lateness is measured from the new one. */
export const deadlineSetV1 = z.object({ periodId, deadline: instant });

export type DeadlineSetV1 = z.infer<typeof deadlineSetV1>;
