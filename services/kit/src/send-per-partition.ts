import {
  Partitioners,
  type Kafka,
  type Message,
  type PartitionMetadata,
  type Producer,
} from 'kafkajs';

export interface TopicMessages {
  topic: string;
  messages: Message[];
}

/** One send's worth: the messages of one partition, each naming it, in their order. */
export interface PartitionMessages {
  topic: string;
  partition: number;
  messages: Message[];
}

/**
 * Splits messages by the partition the producer's partitioner would give each (keys hash to
 * partitions as in the Java client), keeping their order within each partition.
 */
export function groupByPartition(
  topicMessages: readonly TopicMessages[],
  metadataOf: (topic: string) => PartitionMetadata[],
): PartitionMessages[] {
  const partitioner = Partitioners.DefaultPartitioner();
  const groups = new Map<string, PartitionMessages>();
  for (const { topic, messages } of topicMessages) {
    const partitionMetadata = metadataOf(topic);
    for (const message of messages) {
      const partition = partitioner({ topic, partitionMetadata, message });
      const id = `${topic}\u0000${partition}`;
      const group = groups.get(id) ?? { topic, partition, messages: [] };
      group.messages.push({ ...message, partition });
      groups.set(id, group);
    }
  }
  return [...groups.values()];
}

// Partition counts never change under a running service (it refuses to start when they differ
// from its settings), so each topic's metadata is fetched once per client.
const metadataCache = new WeakMap<Kafka, Map<string, PartitionMetadata[]>>();

async function partitionMetadata(
  kafka: Kafka,
  topics: readonly string[],
): Promise<Map<string, PartitionMetadata[]>> {
  const cache = metadataCache.get(kafka) ?? new Map<string, PartitionMetadata[]>();
  metadataCache.set(kafka, cache);
  const missing = topics.filter((topic) => !cache.has(topic));
  if (missing.length > 0) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: missing });
      for (const { name, partitions } of found) cache.set(name, partitions);
    } finally {
      await admin.disconnect();
    }
  }
  return cache;
}

/**
 * Publishes with acks=all in one send per partition, all at once. kafkajs 2.2.4 can lose messages
 * of a send that spans several brokers: when a partition's leader moves, during the send's
 * retries, to a broker that has already answered, the retry skips that broker and the send
 * resolves without the moved partition's messages (tulios/kafkajs#1303). A send to one partition
 * has one leader at a time, so its retry goes to the new leader.
 */
export async function sendPerPartition(
  kafka: Kafka,
  producer: Producer,
  topicMessages: readonly TopicMessages[],
): Promise<void> {
  const metadata = await partitionMetadata(
    kafka,
    topicMessages.map(({ topic }) => topic),
  );
  const groups = groupByPartition(topicMessages, (topic) => {
    const partitions = metadata.get(topic);
    if (partitions === undefined || partitions.length === 0) {
      throw new Error(`no partition metadata for topic ${topic}`);
    }
    return partitions;
  });
  await Promise.all(
    groups.map(({ topic, messages }) => producer.send({ topic, acks: -1, messages })),
  );
}
