import type { TopicId } from '@thidua/schema';
import type { Migration } from 'kysely';
import type { Kysely } from 'kysely';
import type { CommonSettings } from './config.ts';
import { createBatchConsumer, type BatchConsumer, type BatchHandler } from './consumer.ts';
import { createDb, ensureDatabase } from './db.ts';
import { createFailpoint } from './failpoint.ts';
import { startHealthServer, type HealthServer } from './health.ts';
import { createKafka, ensureTopics } from './kafka.ts';
import type { Lifecycle } from './lifecycle.ts';
import { waitUntil } from './lifecycle.ts';
import { createLogger, type Logger } from './logger.ts';
import { migrateToLatest } from './migrate.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox-relay.ts';

export interface ConsumingServiceOptions<Database, Topic extends TopicId> {
  /** The service's name: its schema, its consumer group and its log tag. */
  name: string;
  settings: CommonSettings;
  healthPort: number;
  migrations: Record<string, Migration>;
  topics: readonly Topic[];
  handle: BatchHandler<Database, Topic>;
}

export interface ConsumingService extends Lifecycle {
  isReady(): boolean;
  readonly db: Kysely<unknown>;
  readonly log: Logger;
  /** The health server's port once started (useful when 0 asked for any free port). */
  healthPort(): number;
}

/**
 * Wires a service that turns events into state and new events: database and migrations, topics,
 * the batch consumer, the outbox relay and the health endpoints. The service supplies only its
 * migrations and its batch handler.
 */
export function createConsumingService<Database, Topic extends TopicId>(
  options: ConsumingServiceOptions<Database, Topic>,
): ConsumingService {
  const { name, settings } = options;
  const log = createLogger(name, settings.LOG_LEVEL);
  const db = createDb<Database>(settings.DATABASE_URL, name);
  const kafka = createKafka(settings.KAFKA_BROKERS, `thidua-${name}`, log);
  const groupId =
    settings.TOPIC_NAMESPACE === ''
      ? `thidua-${name}`
      : `${settings.TOPIC_NAMESPACE}.thidua-${name}`;
  // One counter per process, shared by the consumer and the relay.
  const failpoint = createFailpoint(settings.THIDUA_FAILPOINT);
  let relay: OutboxRelay | null = null;
  let consumer: BatchConsumer | null = null;
  let health: HealthServer | null = null;

  return {
    db: db as Kysely<unknown>,
    log,
    isReady: () => consumer?.isReady() ?? false,
    healthPort: () => health?.port ?? options.healthPort,
    async start() {
      health = await startHealthServer(options.healthPort, () => consumer?.isReady() ?? false);
      await waitUntil('PostgreSQL', () => ensureDatabase(settings.DATABASE_URL), log);
      await migrateToLatest(db as Kysely<unknown>, name, options.migrations);
      await waitUntil('Kafka', () => ensureTopics(kafka, settings.TOPIC_NAMESPACE), log);
      relay = createOutboxRelay({
        kafka,
        db: db as Kysely<unknown>,
        schema: name,
        namespace: settings.TOPIC_NAMESPACE,
        log,
        failpoint,
      });
      await relay.start();
      const started = relay;
      consumer = createBatchConsumer({
        kafka,
        db,
        groupId,
        topics: options.topics,
        namespace: settings.TOPIC_NAMESPACE,
        log,
        handle: options.handle,
        onOutboxWritten: () => started.wake(),
        failpoint,
      });
      await consumer.start();
    },
    async stop() {
      await consumer?.stop();
      await relay?.stop();
      await health?.close();
      await db.destroy();
    },
  };
}
