/**
 * Who is calling, as their signed token says: a member unit's staff, or the central board; and
 * until when (the token's expiry, in milliseconds since the epoch), which ends its streams.
 */
export type Viewer = { expiresAt: number } & (
  | { subject: string; central: true; unitCode: null }
  | { subject: string; central: false; unitCode: string }
);

/** The central board acting, rather than a unit. */
export const CENTRAL = 'central';

/** How commands name who acts: `central`, or the unit's code. Lead rights come from the facts. */
export const actorOf = (viewer: Viewer): string => (viewer.central ? CENTRAL : viewer.unitCode);
