import { z } from 'zod';
import { withVietnamese } from './issue-vi.ts';

/**
 * An exact non-negative decimal with at most two decimals, written as a string ("12", "0.5",
 * "62.47"). Scores and indicator values travel in this form so no binary float ever touches them.
 */
export const decimal = z
  .string()
  .regex(
    /^\d{1,12}(\.\d{1,2})?$/,
    withVietnamese(
      'must be a non-negative decimal with at most 2 decimals',
      'Phải là số không âm, tối đa 2 chữ số thập phân (dấu chấm thập phân, ví dụ 12.5)',
    ),
  );

export type Decimal = z.infer<typeof decimal>;

/** A signed decimal, for movements and differences. */
export const signedDecimal = z
  .string()
  .regex(
    /^-?\d{1,12}(\.\d{1,2})?$/,
    withVietnamese(
      'must be a decimal with at most 2 decimals',
      'Phải là số có tối đa 2 chữ số thập phân (dấu chấm thập phân, ví dụ -1.25)',
    ),
  );
