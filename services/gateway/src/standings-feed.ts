import { createLogger, type Logger } from '@thidua/kit';
import { parseEvent, topicName } from '@thidua/schema';
import { createPubSub, type PubSub } from 'graphql-yoga';
import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { CurrentStandings } from './current-standings.ts';
import type { PublishedViews } from './database.ts';

export type StandingsRow = PublishedViews['ranking.published_standings'];

export type StandingsPubSub = PubSub<{ rankingChanged: [standings: StandingsRow] }>;

export interface StandingsFeed {
  pubSub: StandingsPubSub;
  /** The latest standings seen of each period, for the ranking query. */
  current: CurrentStandings;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the rankings topic, publishes every new standings to this gateway's subscribers and
 * keeps the latest of each period.
 * Each gateway instance reads the whole topic in a group of its own, from the end: subscribers
 * only want what changes after they subscribed.
 */
export function createStandingsFeed(
  kafka: Kafka,
  namespace: string,
  /** Names a consumer group in the gateway's namespace (the kit's naming). */
  groupId: (role: string) => string,
  log: Logger = createLogger('gateway', 'info'),
): StandingsFeed {
  // One listener per open subscription: fourteen secretariats watching one cluster are normal, not
  // the leak Node warns of past ten.
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  const pubSub: StandingsPubSub = createPubSub({ eventTarget });
  const current = new CurrentStandings();
  let consumer: Consumer | null = null;
  return {
    pubSub,
    current,
    async start() {
      consumer = kafka.consumer({ groupId: groupId(`feed-${randomUUID()}`) });
      await consumer.connect();
      await consumer.subscribe({ topic: topicName(namespace, 'rankings'), fromBeginning: false });
      // Started means listening: a subscriber must not miss a change made right after the start.
      const active = consumer;
      const joined = new Promise<void>((resolve) => {
        active.on(active.events.GROUP_JOIN, () => {
          resolve();
        });
      });
      await consumer.run({
        eachMessage: ({ message }) => {
          const parsed = parseEvent('rankings', message.value?.toString('utf8') ?? '');
          if (!parsed.ok) {
            log.warn({ reason: parsed.reason }, 'unreadable standings event skipped by the feed');
            return Promise.resolve();
          }
          const { clusterCode, occurredAt, data } = parsed.event;
          const row: StandingsRow = {
            cluster_code: clusterCode,
            period_id: data.periodId,
            revision: data.revision,
            changed_at: new Date(occurredAt),
            entries: data.entries,
          };
          current.offer(row);
          pubSub.publish('rankingChanged', row);
          return Promise.resolve();
        },
      });
      await joined;
    },
    async stop() {
      await consumer?.disconnect();
      consumer = null;
    },
  };
}
