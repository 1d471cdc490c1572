import { randomBytes } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { topicName } from '@thidua/schema';
import {
  createKafka,
  ensureTopics,
  refuseMismatchedTopics,
  topicLayout,
  TopicMismatchError,
} from '../src/kafka.ts';
import { createLogger } from '../src/logger.ts';
import { createService } from '../src/service.ts';

const log = createLogger('topic-layout-test', 'silent');

describe('topics against the configured layout', () => {
  const namespace = `layout-${randomBytes(4).toString('hex')}`;
  const kafka = createKafka(inject('kafkaBrokers'), 'layout-test', log);
  const admin = kafka.admin();

  beforeAll(async () => {
    await admin.connect();
  });
  afterAll(async () => {
    await admin.disconnect();
  });

  test('missing topics are created with the configured partitions, min.insync.replicas and retention', async () => {
    const layout = topicLayout({ KAFKA_TOPIC_PARTITIONS: { contest: 4 }, KAFKA_RETENTION_MS: -1 });
    expect(await ensureTopics(kafka, namespace, layout)).toEqual([]);

    const contest = topicName(namespace, 'contest');
    const { topics } = await admin.fetchTopicMetadata({ topics: [contest] });
    expect(topics[0]?.partitions).toHaveLength(4);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: contest,
          configNames: ['min.insync.replicas', 'retention.ms'],
        },
      ],
    });
    const configs = Object.fromEntries(
      (resources[0]?.configEntries ?? []).map((entry) => [entry.configName, entry.configValue]),
    );
    expect(configs).toEqual({ 'min.insync.replicas': '1', 'retention.ms': '-1' });
  });

  test('the start-up check refuses existing topics that differ, naming each difference', async () => {
    const layout = topicLayout({
      KAFKA_TOPIC_PARTITIONS: { contest: 12 },
      KAFKA_REPLICATION_FACTOR: 2,
    });
    // What a service's start does: create what is missing (nothing here), then refuse differences.
    const mismatches = await ensureTopics(kafka, namespace, layout);
    const refusal = (() => {
      try {
        refuseMismatchedTopics(mismatches);
        return null;
      } catch (error) {
        return error;
      }
    })();

    expect(refusal).toBeInstanceOf(TopicMismatchError);
    const message = (refusal as TopicMismatchError).message;
    expect(message).toContain(
      `${topicName(namespace, 'contest')}: partitions configured 12, actual 4`,
    );
    expect(message).toContain(
      `${topicName(namespace, 'scores')}: replication factor configured 2, actual 1`,
    );
    // Partitions of one topic, replicas of all five.
    expect((refusal as TopicMismatchError).mismatches).toHaveLength(6);
  });
  test('a service with such settings refuses to start, before its own part, at once', async () => {
    let partStarted = false;
    const service = createService({
      name: 'layout_probe',
      settings: {
        DATABASE_URL: `${inject('databaseUrl')}_layout`,
        KAFKA_BROKERS: inject('kafkaBrokers'),
        TOPIC_NAMESPACE: namespace,
        LOG_LEVEL: 'silent',
        KAFKA_REPLICATION_FACTOR: 2,
      },
      migrations: {},
      startPart: () => {
        partStarted = true;
        return Promise.resolve({ isReady: () => true, stop: () => Promise.resolve() });
      },
    });
    const started = Date.now();
    const refusal = await service.start().then(
      () => null,
      (error: unknown) => error,
    );
    await service.stop();

    expect(refusal).toBeInstanceOf(TopicMismatchError);
    expect((refusal as TopicMismatchError).message).toContain(
      `${topicName(namespace, 'contest')}: replication factor configured 2, actual 1`,
    );
    expect(partStarted).toBe(false);
    // Refused, not retried as if the broker were down.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
