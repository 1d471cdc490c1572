import { describe, expect, test } from 'vitest';
import { commonSettings, ConfigurationError, readEnvironment } from '../src/config.ts';
import { compareTopics, TopicMismatchError, topicLayout, type TopicShape } from '../src/kafka.ts';

const catalogue: TopicShape[] = [
  { name: 'ns.thidua.contest.v1', partitions: 6, replicationFactor: 3 },
  { name: 'ns.thidua.scores.v1', partitions: 6, replicationFactor: 3 },
  { name: 'ns.thidua.rankings.v1', partitions: 6, replicationFactor: 3 },
  { name: 'ns.thidua.awards.v1', partitions: 6, replicationFactor: 3 },
  { name: 'ns.thidua.dlq.v1', partitions: 1, replicationFactor: 3 },
];

describe('topic settings from the environment', () => {
  test('default to the catalogue, one replica, min.insync.replicas 1 and the broker retention', () => {
    const layout = topicLayout(readEnvironment(commonSettings, {}));
    expect(layout).toEqual({
      partitions: { contest: 6, scores: 6, rankings: 6, awards: 6, dlq: 1 },
      replicationFactor: 1,
      minInsyncReplicas: 1,
      retentionMs: undefined,
    });
  });

  test('override partitions per topic, replicas, min.insync.replicas and retention', () => {
    const env = readEnvironment(commonSettings, {
      KAFKA_TOPIC_PARTITIONS: 'contest=12, scores=24',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      KAFKA_RETENTION_MS: '-1',
    });
    expect(topicLayout(env)).toEqual({
      partitions: { contest: 12, scores: 24, rankings: 6, awards: 6, dlq: 1 },
      replicationFactor: 3,
      minInsyncReplicas: 2,
      retentionMs: -1,
    });
  });

  test.each(['contest', 'contest=0', 'nowhere=3', 'contest=2,contest=3'])(
    'refuse KAFKA_TOPIC_PARTITIONS=%s',
    (value) => {
      expect(() => readEnvironment(commonSettings, { KAFKA_TOPIC_PARTITIONS: value })).toThrow(
        ConfigurationError,
      );
    },
  );

  test('refuse more in-sync replicas than replicas', () => {
    const env = readEnvironment(commonSettings, { KAFKA_MIN_INSYNC_REPLICAS: '2' });
    expect(() => topicLayout(env)).toThrow(/KAFKA_MIN_INSYNC_REPLICAS \(2\) exceeds/);
  });
});

describe('comparing existing topics with the layout', () => {
  const layout = topicLayout({ KAFKA_REPLICATION_FACTOR: 3, KAFKA_MIN_INSYNC_REPLICAS: 2 });

  test('finds nothing when they agree, and ignores missing and foreign topics', () => {
    const existing = [
      ...catalogue.slice(1),
      { name: 'thidua.contest.v1', partitions: 1, replicationFactor: 1 },
    ];
    expect(compareTopics('ns', layout, existing)).toEqual([]);
  });

  test('names each topic whose partitions or replication factor differ', () => {
    const existing = catalogue.map((shape) =>
      shape.name === 'ns.thidua.scores.v1'
        ? { ...shape, partitions: 3, replicationFactor: 1 }
        : shape,
    );
    expect(compareTopics('ns', layout, existing)).toEqual([
      { topic: 'ns.thidua.scores.v1', setting: 'partitions', configured: 6, actual: 3 },
      { topic: 'ns.thidua.scores.v1', setting: 'replication factor', configured: 3, actual: 1 },
    ]);
  });

  test('the refusal says configured and actual, in English and Vietnamese', () => {
    const error = new TopicMismatchError([
      { topic: 'ns.thidua.scores.v1', setting: 'partitions', configured: 6, actual: 3 },
    ]);
    expect(error.message).toContain('ns.thidua.scores.v1: partitions configured 6, actual 3');
    expect(error.messageVi).toContain('ns.thidua.scores.v1: số phân vùng cấu hình 6, thực tế 3');
  });
});
