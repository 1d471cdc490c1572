import { z } from 'zod';
import { instant, slug, unitCode } from './codes.ts';

/** A token's subject as an event records it: printable, at most 200 characters. */
export const actorSubject = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

/**
 * Who acted, as the gateway verified it from the bearer token: the central board is a role, a
 * unit's staff act for their unit. Rights come from this, never from a unit code.
 */
export const eventActor = z.discriminatedUnion('role', [
  z.object({ role: z.literal('CENTRAL'), subject: actorSubject }),
  z.object({ role: z.literal('UNIT'), subject: actorSubject, unitCode }),
]);

export type Actor = z.infer<typeof eventActor>;

/** The envelope every thidua event travels in; `data` is checked by the event type's own schema. */
export const envelope = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: instant,
  source: z.string().min(1),
  clusterCode: slug,
  causationId: z.uuid().nullable(),
  /** Who acted, on every event the gateway appends; absent on derived events and older ones. */
  actor: eventActor.nullish(),
  data: z.unknown(),
});

export type Envelope = z.infer<typeof envelope>;

/** An envelope whose type and data have been checked. */
export type Event<Type extends string, Data> = Omit<Envelope, 'type' | 'data'> & {
  type: Type;
  data: Data;
};
