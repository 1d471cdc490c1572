import { z } from 'zod';
import { instant, slug } from './codes.ts';

/** The envelope every thidua event travels in; `data` is checked by the event type's own schema. */
export const envelope = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: instant,
  source: z.string().min(1),
  clusterCode: slug,
  causationId: z.uuid().nullable(),
  data: z.unknown(),
});

export type Envelope = z.infer<typeof envelope>;

/** An envelope whose type and data have been checked. */
export type Event<Type extends string, Data> = Omit<Envelope, 'type' | 'data'> & {
  type: Type;
  data: Data;
};
