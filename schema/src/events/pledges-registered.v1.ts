import { z } from 'zod';
import { slug } from '../codes.ts';
import { decimal } from '../decimal.ts';

/** A unit's registered targets (đăng ký giao ước) for a year, by indicator; replaces earlier ones. */
export const pledgesRegisteredV1 = z.object({
  unitCode: slug,
  year: z.number().int().min(2000).max(2100),
  targets: z.record(z.string(), decimal),
});

export type PledgesRegisteredV1 = z.infer<typeof pledgesRegisteredV1>;
