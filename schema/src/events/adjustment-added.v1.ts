import { z } from 'zod';
import { periodId, slug } from '../codes.ts';
import { decimal } from '../decimal.ts';
import { humanReason } from '../text.ts';

const adjustment = {
  itemId: z.uuid(),
  unitCode: slug,
  periodId,
  points: decimal,
  reason: humanReason,
  /** The unit (lead or deputy) or `central` that added it. */
  addedBy: z.string().min(1),
};

/** A bonus item (điểm thưởng), e.g. an innovation model recognised by the central board. */
export const bonusAddedV1 = z.object(adjustment);

/** A deduction item (điểm trừ); a disqualifying one bars the unit from XUAT_SAC and awards. */
export const deductionAddedV1 = z.object({ ...adjustment, disqualifying: z.boolean() });

export type BonusAddedV1 = z.infer<typeof bonusAddedV1>;
export type DeductionAddedV1 = z.infer<typeof deductionAddedV1>;
