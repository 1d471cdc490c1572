import SchemaBuilder from '@pothos/core';
import type { OutboxRelay } from '@thidua/kit';
import type { Kysely } from 'kysely';
import type { Viewer } from './auth/viewer.ts';
import type { GatewayDatabase } from './database.ts';
import type { StandingsPubSub } from './standings-feed.ts';

/** What every resolver may use. */
export interface GatewayContext {
  db: Kysely<GatewayDatabase>;
  relay: Pick<OutboxRelay, 'wake'> | null;
  clock: () => Date;
  /** New standings as the ranking service publishes them, for subscriptions. */
  standings: StandingsPubSub;
  /** The signed-in caller; null when the request carried no valid token. */
  viewer: Viewer | null;
}

export interface GatewaySchemaTypes {
  Context: GatewayContext;
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}

export type GatewayTypes = PothosSchemaTypes.ExtendDefaultTypes<GatewaySchemaTypes>;

/** The one schema builder; scalars are declared here once. */
export const builder = new SchemaBuilder<GatewaySchemaTypes>({ defaultFieldNullability: false });

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
