import type { Actor } from '@thidua/schema';

/**
 * Who is calling, as their signed token says: a member unit's staff, or the central board (a role,
 * never a unit code); and until when (the token's expiry, in milliseconds since the epoch), which
 * ends its streams.
 */
export type Viewer = Actor & { expiresAt: number };

/**
 * How an event's data names who acted where it keeps a plain code (`reviewer`, `addedBy`,
 * `recordedBy`): the unit's code, or `central` for the board, which no unit code can be.
 */
export const CENTRAL = 'central';

/** Who acts in a command: the viewer's verified role and subject, without the token's expiry. */
export const actorOf = (viewer: Viewer): Actor =>
  viewer.role === 'CENTRAL'
    ? { role: 'CENTRAL', subject: viewer.subject }
    : { role: 'UNIT', subject: viewer.subject, unitCode: viewer.unitCode };

/** The code an event's data keeps for who acted: the unit's code, or `central`. */
export const actorCode = (actor: Actor): string =>
  actor.role === 'CENTRAL' ? CENTRAL : actor.unitCode;

/** The central board acting as `subject`, for commands run outside a request (demo, tests). */
export const centralBoard = (subject: string): Actor => ({ role: 'CENTRAL', subject });

/** A unit's staff member acting, for commands run outside a request (demo, tests). */
export const unitStaff = (unitCode: string, subject = `staff@${unitCode}`): Actor => ({
  role: 'UNIT',
  subject,
  unitCode,
});
