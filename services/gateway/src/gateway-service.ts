import {
  createDb,
  createKafka,
  createLogger,
  createFailpoint,
  createOutboxRelay,
  ensureDatabase,
  ensureTopics,
  migrateToLatest,
  waitUntil,
  type CommonSettings,
  type Lifecycle,
  type Logger,
  type OutboxRelay,
} from '@thidua/kit';
import type { Kysely } from 'kysely';
import type { Server } from 'node:http';
import type { GatewayDatabase } from './database.ts';
import { gatewayMigrations } from './migrations/index.ts';
import { createGatewayServer, defaultTimeouts, type HttpTimeouts } from './server.ts';
import { createStandingsFeed, type StandingsFeed } from './standings-feed.ts';
import { StreamSlots } from './streams.ts';
import { createTokenVerifier, mintToken } from './auth/tokens.ts';

export interface GatewayService extends Lifecycle {
  readonly db: Kysely<GatewayDatabase>;
  readonly log: Logger;
  /** The GraphQL endpoint once started. */
  url(): string;
}

export interface GatewayOptions {
  port: number;
  development: boolean;
  /** The HS256 secret bearer tokens are signed with. */
  authSecret: string;
  /** An identity provider's public key (PEM): tokens must then be signed with its private key. */
  authPublicKey?: string;
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

/** The only public door: GraphQL over the contest facts it owns and the views others publish. */
export function createGatewayService(
  settings: CommonSettings,
  options: GatewayOptions,
): GatewayService {
  const log = createLogger('gateway', settings.LOG_LEVEL);
  const db = createDb<GatewayDatabase>(settings.DATABASE_URL, 'gateway', 10);
  const kafka = createKafka(settings.KAFKA_BROKERS, 'thidua-gateway', log);
  let relay: OutboxRelay | null = null;
  let server: Server | null = null;
  let feed: StandingsFeed | null = null;
  let port = options.port;

  return {
    db,
    log,
    url: () => `http://127.0.0.1:${port}/graphql`,
    async start() {
      await waitUntil('PostgreSQL', () => ensureDatabase(settings.DATABASE_URL), log);
      await migrateToLatest(db as Kysely<unknown>, 'gateway', gatewayMigrations);
      await waitUntil('Kafka', () => ensureTopics(kafka, settings.TOPIC_NAMESPACE), log);
      relay = createOutboxRelay({
        kafka,
        failpoint: createFailpoint(settings.THIDUA_FAILPOINT),
        db: db as Kysely<unknown>,
        schema: 'gateway',
        namespace: settings.TOPIC_NAMESPACE,
        log,
      });
      await relay.start();
      feed = createStandingsFeed(kafka, settings.TOPIC_NAMESPACE, log);
      await feed.start();
      const started = createGatewayServer({
        context: {
          db,
          relay,
          clock: options.clock ?? (() => new Date()),
          standings: feed.pubSub,
          currentStandings: feed.current,
          streams: new StreamSlots(options.streamsPerSubject ?? 5),
        },
        isReady: () => relay !== null,
        verifyToken: createTokenVerifier(
          options.authSecret,
          options.authPublicKey,
          options.tokenMaxLifetime,
        ),
        development: options.development,
        corsOrigins: options.corsOrigins ?? [],
        timeouts: { ...defaultTimeouts, ...options.timeouts },
        persistedOperationsOnly: options.persistedOperationsOnly ?? false,
        // Demo tokens are signed with the shared secret; an identity provider's key verifies none.
        developmentToken:
          options.authPublicKey === undefined
            ? (who) =>
                mintToken(options.authSecret, {
                  subject: 'unitCode' in who ? `web-demo@${who.unitCode}` : 'web-demo-central',
                  ...who,
                })
            : undefined,
      });
      await new Promise<void>((resolve) => started.listen(options.port, '0.0.0.0', resolve));
      const address = started.address();
      if (typeof address === 'object' && address !== null) port = address.port;
      server = started;
    },
    async stop() {
      const running = server;
      server = null;
      if (running !== null) await new Promise<void>((resolve) => running.close(() => resolve()));
      await feed?.stop();
      feed = null;
      await relay?.stop();
      relay = null;
      await db.destroy();
    },
  };
}
