import type { PartitionMetadata, Producer, ProducerBatch, RecordMetadata } from 'kafkajs';
import { describe, expect, test } from 'vitest';
import {
  groupByPartition,
  sendUntilAnswered,
  UnacknowledgedPartitionsError,
} from '../src/send-per-partition.ts';

const sixPartitions: PartitionMetadata[] = Array.from({ length: 6 }, (_, partitionId) => ({
  partitionId,
  leader: (partitionId % 3) + 1,
  replicas: [1, 2, 3],
  isr: [1, 2, 3],
  offlineReplicas: [],
  partitionErrorCode: 0,
}));

describe('groupByPartition', () => {
  const keys = ['cum-1', 'cum-2', 'cum-3', 'cum-4', 'cum-5', 'cum-6', 'cum-7', 'cum-8'];
  const messages = keys.flatMap((key) => [1, 2, 3].map((n) => ({ key, value: `${key}/${n}` })));
  const groups = groupByPartition(
    [
      { topic: 'contest', messages },
      { topic: 'scores', messages: messages.slice(0, 4) },
    ],
    () => sixPartitions,
  );

  test('each send names one topic and one partition, and every message is sent once', () => {
    const sent = groups.flatMap((group) =>
      group.messages.map((message) => {
        expect(message.partition).toBe(group.partition);
        return `${group.topic}:${String(message.value)}`;
      }),
    );
    expect(sent.sort()).toEqual(
      [
        ...messages.map((m) => `contest:${m.value}`),
        ...messages.slice(0, 4).map((m) => `scores:${m.value}`),
      ].sort(),
    );
    const ids = groups.map((group) => `${group.topic}/${group.partition}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a key always lands on one partition, its messages in their order', () => {
    const contest = groups.filter((group) => group.topic === 'contest');
    expect(contest.length).toBeGreaterThan(1);
    for (const key of keys) {
      const holding = contest.filter((group) => group.messages.some((m) => m.key === key));
      expect(holding).toHaveLength(1);
      const values = holding[0]?.messages.filter((m) => m.key === key).map((m) => m.value);
      expect(values).toEqual([`${key}/1`, `${key}/2`, `${key}/3`]);
    }
  });
});

/**
 * A producer that answers as kafkajs 2.2.4 does when a partition's leader moved during a send's
 * retries to a broker that had already answered: the send resolves without that partition.
 */
interface FakeProducer {
  producer: Pick<Producer, 'sendBatch'>;
  sends: ProducerBatch[];
}

function producerLeavingOut(
  leftOut: (send: number, topic: string, partition: number) => boolean,
): FakeProducer {
  const sends: ProducerBatch[] = [];
  const producer: Pick<Producer, 'sendBatch'> = {
    sendBatch(batch) {
      sends.push(batch);
      const answers: RecordMetadata[] = (batch.topicMessages ?? []).flatMap(({ topic, messages }) =>
        [...new Set(messages.map((m) => m.partition ?? -1))]
          .filter((partition) => !leftOut(sends.length, topic, partition))
          .map((partition) => ({ topicName: topic, partition, errorCode: 0 })),
      );
      return Promise.resolve(answers);
    },
  };
  return { producer, sends };
}

describe('sendUntilAnswered', () => {
  const groups = groupByPartition(
    [
      {
        topic: 'contest',
        messages: ['cum-1', 'cum-2', 'cum-3', 'cum-4'].map((key) => ({ key, value: key })),
      },
    ],
    () => sixPartitions,
  );
  const dropped = groups[1];

  test('sends again, alone, the partition a send resolved without', async () => {
    if (dropped === undefined) throw new Error('the keys should span several partitions');
    const { producer, sends } = producerLeavingOut(
      (send, _topic, partition) => send === 1 && partition === dropped.partition,
    );
    await sendUntilAnswered(producer, groups);
    expect(sends).toHaveLength(2);
    // One entry per topic: kafkajs keeps only the last entry of a repeated topic.
    expect(sends[0]?.topicMessages).toHaveLength(1);
    expect(sends[1]?.topicMessages).toEqual([{ topic: 'contest', messages: dropped.messages }]);
  });

  test('a partition never answered fails the batch with a retriable error', async () => {
    if (dropped === undefined) throw new Error('the keys should span several partitions');
    const { producer, sends } = producerLeavingOut(
      (_send, _topic, partition) => partition === dropped.partition,
    );
    const failure = sendUntilAnswered(producer, groups);
    await expect(failure).rejects.toBeInstanceOf(UnacknowledgedPartitionsError);
    await expect(failure).rejects.toMatchObject({ retriable: true });
    expect(sends).toHaveLength(5);
  });
});
