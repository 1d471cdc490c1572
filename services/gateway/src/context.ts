import type { OutboxRelay } from '@thidua/kit';
import type { Kysely } from 'kysely';
import type { Viewer } from './auth/viewer.ts';
import type { CurrentStandings } from './current-standings.ts';
import type { GatewayDatabase } from './database.ts';
import type { StandingsPubSub } from './standings-feed.ts';
import type { StreamSlots } from './streams.ts';

/** What every resolver may use. */
export interface GatewayContext {
  db: Kysely<GatewayDatabase>;
  relay: Pick<OutboxRelay, 'wake'> | null;
  clock: () => Date;
  /** New standings as the ranking service publishes them, for subscriptions. */
  standings: StandingsPubSub;
  /** The latest standings of each period this gateway has seen. */
  currentStandings: CurrentStandings;
  /** The streams each identity holds open on this gateway, up to its share. */
  streams: StreamSlots;
  /** The signed-in caller; null when the request carried no valid token. */
  viewer: Viewer | null;
}
