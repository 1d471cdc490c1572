import type { PartitionMetadata } from 'kafkajs';
import { describe, expect, test } from 'vitest';
import { groupByPartition } from '../src/send-per-partition.ts';

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
