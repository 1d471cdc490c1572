import type { Kafka } from 'kafkajs';
import { sql, type Kysely, type Migration } from 'kysely';
import { postgresUrl, type CommonSettings } from './config.ts';
import { createServiceDb, ensureDatabase } from './db.ts';
import { createFailpoint, type Failpoint } from './failpoint.ts';
import { startHealthServer, type HealthChecks, type HealthServer } from './health.ts';
import {
  createKafka,
  ensureTopics,
  kafkaSecurity,
  refuseMismatchedTopics,
  topicLayout,
} from './kafka.ts';
import type { KitTables } from './kit-tables.ts';
import { waitUntil, type Lifecycle } from './lifecycle.ts';
import { createLogger, type Logger } from './logger.ts';
import { createServiceMetrics, type ServiceMetrics } from './metrics.ts';
import { migrateToLatest } from './migrate.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox-relay.ts';
import { createPruner, deliveryRetentionMs, topicRetentionMs, type Pruner } from './retention.ts';

/** What a service's own part is given once the kit has brought up what every service needs. */
export interface ServiceContext<Database extends KitTables> {
  settings: CommonSettings;
  db: Kysely<Database>;
  kafka: Kafka;
  log: Logger;
  /** Publishes the service's outbox; wake it after a commit that wrote outbox rows. */
  relay: OutboxRelay;
  /** The process's one failpoint, shared by the relay and whatever the part adds. */
  failpoint: Failpoint;
  /** The service's metrics; a part may register its own in `metrics.registry`. */
  metrics: ServiceMetrics;
  /** What a part that answers the health endpoints itself reports (the gateway's HTTP server). */
  health: Omit<HealthChecks, 'isReady'>;
  /** Reports a failure the service cannot recover from: health fails and the process ends. */
  fail: (error: Error) => void;
  /**
   * A consumer group in the service's namespace: `thidua-<name>`, or `thidua-<name>-<role>` for a
   * second kind of reader (the gateway's standings feed).
   */
  groupId: (role?: string) => string;
}

/** The part that makes a service what it is: a batch consumer, an HTTP server… */
export interface ServicePart {
  isReady(): boolean;
  stop(): Promise<void>;
}

export interface ServiceOptions<Database extends KitTables> {
  /** The service's name: its schema, its consumer group, its Kafka client id and its log tag. */
  name: string;
  settings: CommonSettings;
  migrations: Record<string, Migration>;
  /** Connections in the service's pool (5 unless given). */
  poolSize?: number;
  /**
   * A port of its own for `/healthz` and `/readyz` (0: any free one). Without it the part answers
   * them itself (`answerHealth`), as the gateway does on its HTTP port.
   */
  healthPort?: number;
  /** Starts the service's own part, once the database, the topics and the relay are up. */
  startPart(context: ServiceContext<Database>): Promise<ServicePart>;
}

/** A service as its supervisor sees it: started, stopped, ready or not. */
export interface RunningService extends Lifecycle {
  readonly log: Logger;
  /** Ready once its part is: e.g. its consumer has joined its group. */
  isReady(): boolean;
  /** The health server's port once started (useful when 0 asked for any free port). */
  healthPort(): number | undefined;
  /** The failure that ended the service, if one did (its /healthz then answers 503). */
  failure(): Error | null;
  onFailure(listener: (error: Error) => void): void;
}

export interface Service<Database extends KitTables> extends RunningService {
  readonly db: Kysely<Database>;
}

/** `thidua-<name>`, prefixed by the topic namespace when there is one. */
export function consumerGroupId(namespace: string, name: string): string {
  return namespace === '' ? `thidua-${name}` : `${namespace}.thidua-${name}`;
}

/**
 * Every service's start, in one order: the health server (it answers while the rest waits), then
 * PostgreSQL (the database created if missing), the kit's and the service's migrations, the topics,
 * the pruner of delivery rows past their retention, the outbox relay, and last the service's own
 * part. Stopping goes the other way: the part first (a consumer finishes the batch in hand), then
 * the pruner, the relay, the health server and the pool. A failure only a restart mends (`fail`)
 * turns /healthz to 503 and tells `onFailure`'s listeners, e.g. runUntilSignalled, which stops
 * the service and exits 1.
 */
export function createService<Database extends KitTables>(
  options: ServiceOptions<Database>,
): Service<Database> {
  const { name, settings } = options;
  const log = createLogger(name, settings.LOG_LEVEL);
  const databaseUrl = postgresUrl(settings);
  const { db, kit } = createServiceDb<Database>(databaseUrl, name, options.poolSize);
  const kafka = createKafka(settings.KAFKA_BROKERS, `thidua-${name}`, log, kafkaSecurity(settings));
  const layout = topicLayout(settings);
  // One counter per process, shared by the relay and the part.
  const failpoint = createFailpoint(settings.THIDUA_FAILPOINT);
  let relay: OutboxRelay | null = null;
  let pruner: Pruner | null = null;
  let part: ServicePart | null = null;
  let health: HealthServer | null = null;
  let failure: Error | null = null;
  const failureListeners: ((error: Error) => void)[] = [];
  const fail = (error: Error) => {
    if (failure !== null) return;
    failure = error;
    log.fatal({ err: error }, `${name} failed and must be restarted`);
    for (const listener of failureListeners) listener(error);
  };
  const metrics = createServiceMetrics(name, {
    outboxBacklog: async () => {
      const { rows } = await sql<{ backlog: string }>`
        SELECT count(*) AS backlog FROM outbox WHERE sent_at IS NULL
      `.execute(kit);
      return Number(rows[0]?.backlog ?? 0);
    },
    relayStalledSeconds: () => relay?.stalledSeconds() ?? 0,
  });
  const isReady = () => part?.isReady() ?? false;
  const checks: HealthChecks = {
    isAlive: () => failure === null,
    isReady,
    registry: metrics.registry,
  };

  return {
    db,
    log,
    isReady,
    healthPort: () => health?.port ?? options.healthPort,
    failure: () => failure,
    onFailure: (listener) => {
      failureListeners.push(listener);
    },
    async start() {
      if (options.healthPort !== undefined) {
        health = await startHealthServer(options.healthPort, checks);
      }
      await waitUntil('PostgreSQL', () => ensureDatabase(databaseUrl), log);
      await migrateToLatest(kit, name, options.migrations);
      refuseMismatchedTopics(
        await waitUntil('Kafka', () => ensureTopics(kafka, settings.TOPIC_NAMESPACE, layout), log),
      );
      const retentionMs = deliveryRetentionMs(
        settings.DELIVERY_RETENTION_MS,
        await waitUntil('Kafka', () => topicRetentionMs(kafka, settings.TOPIC_NAMESPACE), log),
      );
      if (retentionMs !== null) {
        pruner = createPruner({
          db: kit,
          retentionMs,
          intervalMs: settings.DELIVERY_PRUNE_INTERVAL_MS ?? 3_600_000,
          log,
          metrics,
        });
        pruner.start();
      }
      relay = createOutboxRelay({
        kafka,
        db: kit,
        schema: name,
        namespace: settings.TOPIC_NAMESPACE,
        log,
        failpoint,
        metrics,
        maxStallMs: settings.OUTBOX_RELAY_MAX_STALL_MS,
        onFatal: fail,
      });
      await relay.start();
      part = await options.startPart({
        settings,
        db,
        kafka,
        log,
        relay,
        failpoint,
        metrics,
        health: { isAlive: checks.isAlive, registry: metrics.registry },
        fail,
        groupId: (role) =>
          consumerGroupId(settings.TOPIC_NAMESPACE, role === undefined ? name : `${name}-${role}`),
      });
    },
    async stop() {
      await part?.stop();
      part = null;
      await pruner?.stop();
      pruner = null;
      await relay?.stop();
      relay = null;
      await health?.close();
      health = null;
      await db.destroy();
    },
  };
}
