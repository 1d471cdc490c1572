import { z } from 'zod';

/**
 * An exact non-negative decimal with at most two decimals, written as a string ("12", "0.5",
 * "62.47"). Scores and indicator values travel in this form so no binary float ever touches them.
 */
export const decimal = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be a non-negative decimal with at most 2 decimals');

export type Decimal = z.infer<typeof decimal>;

/** A signed decimal, for movements and differences. */
export const signedDecimal = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,2})?$/, 'must be a decimal with at most 2 decimals');
