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

/** Some partitions of a batch were still unacknowledged after every attempt; the batch is retried. */
export class UnacknowledgedPartitionsError extends Error {
  override readonly name = 'UnacknowledgedPartitionsError';
  readonly retriable = true;
  constructor(partitions: readonly PartitionMessages[]) {
    const names = partitions.map(({ topic, partition }) => `${topic}/${partition}`).join(', ');
    super(`the broker never acknowledged partitions ${names}`);
  }
}

/** Sends after which a partition still unacknowledged fails the batch, to be retried whole. */
const maxSends = 5;

/** kafkajs' sendBatch input: one entry per topic (it keeps only the last of a repeated topic). */
function byTopic(groups: readonly PartitionMessages[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { topic, messages } of groups) {
    topics.set(topic, [...(topics.get(topic) ?? []), ...messages]);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Publishes with acks=all, each message naming its partition, and sends again the partitions the
 * send resolved without. kafkajs 2.2.4 keeps, across a send's retries, which brokers have already
 * answered: a partition whose leader moved to one of them during the retries is left out, and the
 * send resolves without its messages (tulios/kafkajs#1303). Such a partition has no answer in the
 * result, so it is sent again; had its first leader written it after all, the idempotent producer
 * or the consumers' event ids drop the copy.
 */
export async function sendEveryPartition(
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
  await sendUntilAnswered(producer, groups);
}

/** Sends the groups, then again those the result has no answer for, up to `maxSends` times. */
export async function sendUntilAnswered(
  producer: Pick<Producer, 'sendBatch'>,
  groups: readonly PartitionMessages[],
): Promise<void> {
  let pending = groups;
  for (let sends = 0; pending.length > 0; sends++) {
    if (sends === maxSends) throw new UnacknowledgedPartitionsError(pending);
    const answers = await producer.sendBatch({ acks: -1, topicMessages: byTopic(pending) });
    const answered = new Set(
      answers.map(({ topicName, partition }) => `${topicName}/${partition}`),
    );
    pending = pending.filter(({ topic, partition }) => !answered.has(`${topic}/${partition}`));
  }
}
