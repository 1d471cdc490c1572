import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Kafka, logLevel, type LogEntry, type logCreator, type SASLOptions } from 'kafkajs';
import { topicName, topics, type TopicId } from '@thidua/schema';
import { ConfigurationError, type CommonSettings } from './config.ts';
import { kafkaLogLevel } from './kafka-log.ts';
import type { Logger } from './logger.ts';

/** How the client reaches secured brokers: TLS, SASL, both or neither. */
export interface KafkaSecurity {
  ssl?: ConnectionOptions | true;
  sasl?: SASLOptions;
}

/**
 * Maps the security settings to kafkajs' `ssl` and `sasl` options, reading the certificate files.
 * Throws a ConfigurationError naming every incomplete setting.
 */
export function kafkaSecurity(
  settings: CommonSettings,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KafkaSecurity {
  const problems: string[] = [];
  const { KAFKA_TLS_CA_FILE: caFile, KAFKA_TLS_CERT_FILE: certFile } = settings;
  const keyFile = settings.KAFKA_TLS_KEY_FILE;
  if ((certFile === undefined) !== (keyFile === undefined)) {
    problems.push('KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE: a client certificate needs its key');
  }
  const mechanism = settings.KAFKA_SASL_MECHANISM;
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = settings;
  if (mechanism !== undefined && (username === undefined || password === undefined)) {
    problems.push(`KAFKA_SASL_MECHANISM ${mechanism} needs KAFKA_SASL_USERNAME and _PASSWORD`);
  }
  if (mechanism === undefined && (username !== undefined || password !== undefined)) {
    problems.push('KAFKA_SASL_USERNAME/_PASSWORD: set KAFKA_SASL_MECHANISM too');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  const security: KafkaSecurity = {};
  if (caFile !== undefined || certFile !== undefined) {
    const tls: ConnectionOptions = {};
    if (caFile !== undefined) tls.ca = [readFile(caFile)];
    if (certFile !== undefined && keyFile !== undefined) {
      tls.cert = readFile(certFile);
      tls.key = readFile(keyFile);
    }
    security.ssl = tls;
  } else if (settings.KAFKA_TLS === 'true') {
    // The system's trusted CAs, as for a managed cluster with a public certificate.
    security.ssl = true;
  }
  if (mechanism !== undefined && username !== undefined && password !== undefined) {
    security.sasl = { mechanism, username, password };
  }
  return security;
}

/** A kafkajs client whose own log lines go to the service's structured log. */
export function createKafka(
  brokers: string[],
  clientId: string,
  logger: Logger,
  security: KafkaSecurity = {},
): Kafka {
  const toPino: logCreator =
    () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const child = logger.child({ component: 'kafkajs', ...extra });
      child[kafkaLogLevel(level, message, extra)](message);
    };
  return new Kafka({
    clientId,
    brokers,
    ...security,
    logLevel: logLevel.INFO,
    logCreator: toPino,
    retry: { initialRetryTime: 300, retries: 10 },
  });
}

/** How every topic is created: partitions per topic, replicas, and the broker-side settings. */
export interface TopicLayout {
  partitions: Record<TopicId, number>;
  replicationFactor: number;
  minInsyncReplicas: number;
  /** `retention.ms`; undefined leaves the broker's default. */
  retentionMs?: number | undefined;
}

/** The layout the settings describe: the catalogue's partition counts unless overridden. */
export function topicLayout(settings: Partial<CommonSettings> = {}): TopicLayout {
  const replicationFactor = settings.KAFKA_REPLICATION_FACTOR ?? 1;
  const minInsyncReplicas = settings.KAFKA_MIN_INSYNC_REPLICAS ?? 1;
  if (minInsyncReplicas > replicationFactor) {
    // Every acks=all send would then be refused with NOT_ENOUGH_REPLICAS.
    throw new ConfigurationError([
      `KAFKA_MIN_INSYNC_REPLICAS (${minInsyncReplicas}) exceeds KAFKA_REPLICATION_FACTOR (${replicationFactor})`,
    ]);
  }
  const ids = Object.keys(topics) as TopicId[];
  const partitions = Object.fromEntries(
    ids.map((id) => [id, settings.KAFKA_TOPIC_PARTITIONS?.[id] ?? topics[id].partitions]),
  ) as Record<TopicId, number>;
  return {
    partitions,
    replicationFactor,
    minInsyncReplicas,
    retentionMs: settings.KAFKA_RETENTION_MS,
  };
}

/** An existing topic whose shape differs from the configured one. */
export interface TopicMismatch {
  topic: string;
  setting: 'partitions' | 'replication factor';
  configured: number;
  actual: number;
}

/** What a topic on the broker looks like, as far as the layout is concerned. */
export interface TopicShape {
  name: string;
  partitions: number;
  replicationFactor: number;
}

/**
 * Compares existing topics with the layout. Only partitions and replicas are compared: they decide
 * where keys land and how many brokers may fail, and changing them needs a deliberate migration.
 */
export function compareTopics(
  namespace: string,
  layout: TopicLayout,
  existing: readonly TopicShape[],
): TopicMismatch[] {
  const byName = new Map(existing.map((shape) => [shape.name, shape]));
  const mismatches: TopicMismatch[] = [];
  for (const id of Object.keys(topics) as TopicId[]) {
    const topic = topicName(namespace, id);
    const shape = byName.get(topic);
    if (shape === undefined) continue;
    if (shape.partitions !== layout.partitions[id]) {
      mismatches.push({
        topic,
        setting: 'partitions',
        configured: layout.partitions[id],
        actual: shape.partitions,
      });
    }
    if (shape.replicationFactor !== layout.replicationFactor) {
      mismatches.push({
        topic,
        setting: 'replication factor',
        configured: layout.replicationFactor,
        actual: shape.replicationFactor,
      });
    }
  }
  return mismatches;
}

/** A service refuses to start on topics that differ from its configuration. */
export class TopicMismatchError extends Error {
  override readonly name = 'TopicMismatchError';
  readonly messageVi: string;
  constructor(readonly mismatches: readonly TopicMismatch[]) {
    const lines = mismatches.map(
      (m) => `${m.topic}: ${m.setting} configured ${m.configured}, actual ${m.actual}`,
    );
    const linesVi = mismatches.map(
      (m) =>
        `${m.topic}: ${m.setting === 'partitions' ? 'số phân vùng' : 'hệ số nhân bản'} cấu hình ${m.configured}, thực tế ${m.actual}`,
    );
    super(`existing topics differ from the configuration:\n  ${lines.join('\n  ')}`);
    this.messageVi = `các topic hiện có khác với cấu hình:\n  ${linesVi.join('\n  ')}`;
  }
}

/** Throws a TopicMismatchError when there is any mismatch. */
export function refuseMismatchedTopics(mismatches: readonly TopicMismatch[]): void {
  if (mismatches.length > 0) throw new TopicMismatchError(mismatches);
}

function topicConfig(layout: TopicLayout): { name: string; value: string }[] {
  const entries = [
    // Room for a large event (a whole award sheet); the relay keeps its sends under 1 MB.
    { name: 'max.message.bytes', value: String(8 * 1024 * 1024) },
    { name: 'min.insync.replicas', value: String(layout.minInsyncReplicas) },
  ];
  if (layout.retentionMs !== undefined) {
    entries.push({ name: 'retention.ms', value: String(layout.retentionMs) });
  }
  return entries;
}

/**
 * Creates every topic of the catalogue that is missing, with the layout's partitions, replicas and
 * settings, and returns how existing topics differ from the layout (see refuseMismatchedTopics)
 * once every partition has a leader. Throws while one has none: services started together race to
 * create the topics, and the loser must not consume before the winner's topics are up. A mismatch
 * is returned rather than thrown, so that retrying on an unavailable broker does not retry it.
 */
export async function ensureTopics(
  kafka: Kafka,
  namespace: string,
  layout: TopicLayout = topicLayout(),
): Promise<TopicMismatch[]> {
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
          numPartitions: layout.partitions[id],
          replicationFactor: layout.replicationFactor,
          configEntries: topicConfig(layout),
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
    return compareTopics(
      namespace,
      layout,
      described.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions.length,
        replicationFactor: Math.max(...topic.partitions.map((p) => p.replicas.length)),
      })),
    );
  } finally {
    await admin.disconnect();
  }
}
