import { createService, type CommonSettings, type Service } from '@thidua/kit';
import type { Server } from 'node:http';
import type { GatewayDatabase } from './database.ts';
import { gatewayMigrations } from './migrations/index.ts';
import { createGatewayMetrics } from './metrics.ts';
import { createGatewayServer, defaultTimeouts, type HttpTimeouts } from './server.ts';
import { createStandingsFeed } from './standings-feed.ts';
import { StreamSlots } from './streams.ts';
import { createTokenVerifier, mintToken, type IdentityProvider } from './auth/tokens.ts';

export interface GatewayService extends Service<GatewayDatabase> {
  /** The GraphQL endpoint once started. */
  url(): string;
}

export interface GatewayOptions {
  port: number;
  development: boolean;
  /** The HS256 secret bearer tokens are signed with. */
  authSecret: string;
  /** An organisation's identity provider: tokens must then be signed with its keys. */
  identityProvider?: IdentityProvider;
  /** The longest lifetime of a bearer token, in seconds (12 hours unless given). */
  tokenMaxLifetime?: number;
  /** Refuse every document but the persisted operations (sent by sha256). */
  persistedOperationsOnly?: boolean;
  /** How many streams one identity (token subject) may hold open at once (5 unless given). */
  streamsPerSubject?: number;
  /** The web origins whose pages may call the API (CORS); none unless given: same origin only. */
  corsOrigins?: readonly string[];
  /** How long a client may take to send a request (10 s for headers, 30 s in all unless given). */
  timeouts?: Partial<HttpTimeouts>;
  clock?: () => Date;
}

/**
 * The only public door: GraphQL over the contest facts it owns and the views others publish. The
 * kit starts it as every service (database, migrations, topics, relay); its part is the standings
 * feed and the HTTP server, which answers the health checks on the GraphQL port.
 */
export function createGatewayService(
  settings: CommonSettings,
  options: GatewayOptions,
): GatewayService {
  let port = options.port;
  const service = createService<GatewayDatabase>({
    name: 'gateway',
    settings,
    migrations: gatewayMigrations,
    // Queries and commands share the pool; the consuming services need fewer.
    poolSize: 10,
    async startPart({ db, kafka, log, relay, groupId, metrics, health }) {
      const feed = createStandingsFeed(kafka, settings.TOPIC_NAMESPACE, groupId, log);
      await feed.start();
      let listening = false;
      const streams = new StreamSlots(options.streamsPerSubject ?? 5);
      const server: Server = createGatewayServer({
        context: {
          db,
          relay,
          clock: options.clock ?? (() => new Date()),
          standings: feed.pubSub,
          currentStandings: feed.current,
          streams,
        },
        isReady: () => listening,
        health,
        metrics: createGatewayMetrics(metrics, () => streams.open),
        verifyToken: createTokenVerifier(
          options.authSecret,
          options.identityProvider,
          options.tokenMaxLifetime,
          log,
        ),
        development: options.development,
        corsOrigins: options.corsOrigins ?? [],
        timeouts: { ...defaultTimeouts, ...options.timeouts },
        persistedOperationsOnly: options.persistedOperationsOnly ?? false,
        // Demo tokens are signed with the shared secret; an identity provider's keys verify none.
        developmentToken:
          options.identityProvider === undefined
            ? (who) =>
                mintToken(options.authSecret, {
                  subject: 'unitCode' in who ? `web-demo@${who.unitCode}` : 'web-demo-central',
                  ...who,
                })
            : undefined,
      });
      await new Promise<void>((resolve) => server.listen(options.port, '0.0.0.0', resolve));
      const address = server.address();
      if (typeof address === 'object' && address !== null) port = address.port;
      listening = true;
      return {
        isReady: () => listening,
        async stop() {
          listening = false;
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await feed.stop();
        },
      };
    },
  });
  return { ...service, url: () => `http://127.0.0.1:${port}/graphql` };
}
