import type { TopicId } from '@thidua/schema';
import type { Migration } from 'kysely';
import type { CommonSettings } from './config.ts';
import { createBatchConsumer, type BatchHandler } from './consumer.ts';
import type { KitTables } from './kit-tables.ts';
import { createService, type RunningService, type Service } from './service.ts';

export interface ConsumingServiceOptions<Database extends KitTables, Topic extends TopicId> {
  /** The service's name: its schema, its consumer group and its log tag. */
  name: string;
  settings: CommonSettings;
  healthPort: number;
  migrations: Record<string, Migration>;
  topics: readonly Topic[];
  handle: BatchHandler<Database, Topic>;
}

/** A consuming service seen from outside: its database is its own business. */
export type ConsumingService = RunningService;

/**
 * A service that turns events into state and new events: the kit's service (database, migrations,
 * topics, relay, health endpoints) whose part is one batch consumer in the service's group. The
 * service supplies only its migrations and its batch handler.
 */
export function createConsumingService<Database extends KitTables, Topic extends TopicId>(
  options: ConsumingServiceOptions<Database, Topic>,
): Service<Database> {
  return createService<Database>({
    name: options.name,
    settings: options.settings,
    migrations: options.migrations,
    healthPort: options.healthPort,
    async startPart({ db, kafka, log, relay, failpoint, groupId, settings, metrics, fail }) {
      const consumer = createBatchConsumer({
        kafka,
        db,
        groupId: groupId(),
        topics: options.topics,
        namespace: settings.TOPIC_NAMESPACE,
        log,
        handle: options.handle,
        onOutboxWritten: () => relay.wake(),
        failpoint,
        metrics,
        onFatal: fail,
      });
      await consumer.start();
      return consumer;
    },
  });
}
