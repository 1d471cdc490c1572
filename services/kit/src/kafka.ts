import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import { topicName, topics, type TopicId } from '@thidua/schema';
import type { Logger } from './logger.ts';

/** A kafkajs client whose own log lines go to the service's structured log. */
export function createKafka(brokers: string[], clientId: string, logger: Logger): Kafka {
  const toPino: logCreator =
    () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const child = logger.child({ component: 'kafkajs', ...extra });
      // kafkajs logs as errors the responses it retries (coordinator loading, leader moving);
      // failures it gives up on reach the service as exceptions and are logged there.
      if (level === logLevel.ERROR || level === logLevel.WARN) child.warn(message);
      else if (level === logLevel.INFO) child.debug(message);
      else child.trace(message);
    };
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.INFO,
    logCreator: toPino,
    retry: { initialRetryTime: 300, retries: 10 },
  });
}

/**
 * Creates every topic of the catalogue that is missing, with its partition count, and returns once
 * every partition has a leader. Throws while one has none: services started together race to
 * create the topics, and the loser must not consume before the winner's topics are up.
 */
export async function ensureTopics(kafka: Kafka, namespace: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = (Object.keys(topics) as TopicId[]).filter(
      (id) => !existing.has(topicName(namespace, id)),
    );
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((id) => ({
          topic: topicName(namespace, id),
          numPartitions: topics[id].partitions,
          replicationFactor: 1,
          // Room for a large event (a whole award sheet); the relay keeps its sends under 1 MB.
          configEntries: [{ name: 'max.message.bytes', value: String(8 * 1024 * 1024) }],
        })),
      });
    }
    const names = (Object.keys(topics) as TopicId[]).map((id) => topicName(namespace, id));
    const { topics: described } = await admin.fetchTopicMetadata({ topics: names });
    const leaderless = described.filter(
      (topic) => topic.partitions.length === 0 || topic.partitions.some((p) => p.leader < 0),
    );
    if (leaderless.length > 0) {
      throw new Error(`topics without leaders yet: ${leaderless.map((t) => t.name).join(', ')}`);
    }
  } finally {
    await admin.disconnect();
  }
}
