import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';

/** A message as it lies on a topic: raw bytes, nothing parsed. */
export interface RawMessage {
  partition: number;
  offset: bigint;
  key: Buffer | null;
  value: Buffer | null;
}

/** A message to produce to a given partition, in the order of its list. */
export interface OutgoingMessage {
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
}

/**
 * Every message on a topic up to its current end, ordered by partition and offset. Reads with a
 * throwaway consumer group (kafkajs has no plain fetch), deleted afterwards.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  timeoutMs = 60_000,
): Promise<RawMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>();
  let expected = 0n;
  for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
    ends.set(partition, BigInt(high));
    expected += BigInt(high) - BigInt(low);
  }
  const read: RawMessage[] = [];
  if (expected > 0n) {
    const groupId = `fault-reader-${randomBytes(4).toString('hex')}`;
    // Large enough for the biggest message a topic allows (8 MB) in one fetch.
    const consumer = kafka.consumer({ groupId, maxBytesPerPartition: 10 * 1024 * 1024 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`read ${read.length} of ${expected} messages of ${topic}`));
        }, timeoutMs);
        void consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition) ?? 0n;
            for (const m of batch.messages) {
              if (BigInt(m.offset) < end) {
                read.push({
                  partition: batch.partition,
                  offset: BigInt(m.offset),
                  key: m.key,
                  value: m.value,
                });
              }
            }
            await Promise.resolve();
            if (BigInt(read.length) >= expected) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  }
  await admin.disconnect();
  return read.sort((a, b) =>
    a.partition !== b.partition ? a.partition - b.partition : a.offset < b.offset ? -1 : 1,
  );
}

/**
 * Produces messages in list order (so in order within each partition), `chunk` per request, with
 * the idempotent producer so that a retried request cannot add a duplicate the test did not ask for.
 */
export async function produceInOrder(
  kafka: Kafka,
  topic: string,
  messages: readonly OutgoingMessage[],
  chunk = 100,
): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let start = 0; start < messages.length; start += chunk) {
      await producer.send({
        topic,
        acks: -1,
        messages: messages.slice(start, start + chunk).map(({ partition, key, value }) => ({
          partition,
          key,
          value,
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}
