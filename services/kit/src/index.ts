// The kit's public API: what services, infra and the cross-service tests use. Test aids are in
// `@thidua/kit/testing`; the rest (the consumer, the relay, the health server) is reached through
// createService and createConsumingService.
export {
  clusterKey,
  clusterPeriodColumns,
  clusterPeriodKey,
  clusterYearColumns,
  clusterYearKey,
  addOpenedPeriod,
  newestPerKey,
  pairIn,
  StaleSet,
  type Cause,
  type ClusterPeriod,
  type ClusterYear,
  type Stale,
} from './batch-keys.ts';
export {
  pipelineHandler,
  runPipeline,
  type BatchDecision,
  type BatchPipeline,
} from './batch-pipeline.ts';
export { chunksOf } from './chunks.ts';
export {
  commonSettings,
  ConfigurationError,
  postgresUrl,
  readEnvironment,
  type CommonSettings,
} from './config.ts';
export type { BatchContext, BatchHandler } from './consumer.ts';
export {
  createConsumingService,
  type ConsumingService,
  type ConsumingServiceOptions,
} from './consuming-service.ts';
export { createDb, ensureDatabase } from './db.ts';
export { derivedEventId } from './derived-id.ts';
// Part of CommonSettings, so every service's parsed environment names it.
export type { FailpointSetting } from './failpoint.ts';
export { answerHealth, type HealthChecks } from './health.ts';
export {
  createKafka,
  ensureTopics,
  kafkaSecurity,
  refuseMismatchedTopics,
  topicLayout,
  TopicMismatchError,
  type TopicLayout,
} from './kafka.ts';
export type { Json, KitTables } from './kit-tables.ts';
export { runUntilSignalled, waitUntil, type Lifecycle } from './lifecycle.ts';
export { createLogger, type Logger } from './logger.ts';
export { Counter, Gauge, Histogram, type ServiceMetrics } from './metrics.ts';
export { migrateToLatest } from './migrate.ts';
export { appendToOutbox, outboxMessageOf, type OutboxMessage } from './outbox.ts';
export type { OutboxRelay } from './outbox-relay.ts';
export {
  consumerGroupId,
  createService,
  type RunningService,
  type Service,
  type ServiceContext,
  type ServiceOptions,
  type ServicePart,
} from './service.ts';
export { insertRows, upsertRows } from './write-rows.ts';
