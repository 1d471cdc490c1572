import kafkajs, { type Kafka } from 'kafkajs';
import { sql, type Kysely } from 'kysely';
import { topicName, topics, type TopicId } from '@thidua/schema';
import { ConfigurationError } from './config.ts';
import type { KitTables } from './kit-tables.ts';
import type { Logger } from './logger.ts';
import type { ServiceMetrics } from './metrics.ts';

// Node cannot import this enum by name from kafkajs' CommonJS exports; it can from the whole.
const { ConfigResourceTypes } = kafkajs;

/** A day beyond the topics' retention: a broker deletes a segment only after its newest event expires. */
const marginMs = 24 * 60 * 60 * 1000;

/**
 * The longest `retention.ms` of the catalogue's topics as the broker applies it (its default
 * included); -1 when any topic keeps its events forever.
 */
export async function topicRetentionMs(kafka: Kafka, namespace: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: (Object.keys(topics) as TopicId[]).map((id) => ({
        type: ConfigResourceTypes.TOPIC,
        name: topicName(namespace, id),
        configNames: ['retention.ms'],
      })),
    });
    const values = resources.map((resource) =>
      Number(resource.configEntries.find((e) => e.configName === 'retention.ms')?.configValue),
    );
    if (values.some((value) => value < 0 || !Number.isFinite(value))) return -1;
    return Math.max(...values);
  } finally {
    await admin.disconnect();
  }
}

/**
 * How long sent outbox rows and processed event ids are kept, or null to keep them forever. An id
 * guards against an event published again, so it must live at least as long as the topics keep
 * the event: by default the topics' retention and a day; DELIVERY_RETENTION_MS may say longer.
 */
export function deliveryRetentionMs(
  configured: number | undefined,
  topicsMs: number,
): number | null {
  if (configured === undefined) return topicsMs < 0 ? null : topicsMs + marginMs;
  if (configured < 0) return null;
  if (topicsMs < 0 || configured < topicsMs) {
    throw new ConfigurationError([
      `DELIVERY_RETENTION_MS (${configured}) is shorter than the topics keep events ` +
        `(${topicsMs < 0 ? 'forever' : `${topicsMs} ms`}): a duplicate could then be applied twice`,
    ]);
  }
  return configured;
}

export interface PruneOptions {
  /** Rows deleted per statement: each is its own short transaction. */
  chunkRows?: number;
  /** A pause between chunks, so the service's batches get the database in between. */
  pauseMs?: number;
}

export interface PruneResult {
  outbox: number;
  processedEvents: number;
  chunks: number;
}

/**
 * Deletes sent outbox rows and processed ids older than `cutoff`, in chunks. Unsent rows and dead
 * letters are never touched: a dead letter stays until a person has handled it. SKIP LOCKED lets
 * two instances prune side by side.
 */
export async function pruneDelivery(
  db: Kysely<KitTables>,
  cutoff: Date,
  { chunkRows = 5000, pauseMs = 20 }: PruneOptions = {},
): Promise<PruneResult> {
  const result: PruneResult = { outbox: 0, processedEvents: 0, chunks: 0 };
  const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
  for (;;) {
    const { numAffectedRows = 0n } = await sql`
      DELETE FROM outbox WHERE seq IN (
        SELECT seq FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ${cutoff} AND topic <> 'dlq'
        LIMIT ${chunkRows} FOR UPDATE SKIP LOCKED)
    `.execute(db);
    result.outbox += Number(numAffectedRows);
    result.chunks += 1;
    if (numAffectedRows < BigInt(chunkRows)) break;
    await pause();
  }
  for (;;) {
    const { numAffectedRows = 0n } = await sql`
      DELETE FROM processed_events WHERE event_id IN (
        SELECT event_id FROM processed_events WHERE processed_at < ${cutoff}
        LIMIT ${chunkRows} FOR UPDATE SKIP LOCKED)
    `.execute(db);
    result.processedEvents += Number(numAffectedRows);
    result.chunks += 1;
    if (numAffectedRows < BigInt(chunkRows)) break;
    await pause();
  }
  return result;
}

export interface Pruner {
  start(): void;
  /** Waits for a prune in progress to finish its chunk. */
  stop(): Promise<void>;
}

/** Prunes every `intervalMs` (the first time one interval after start). */
export function createPruner(options: {
  db: Kysely<KitTables>;
  retentionMs: number;
  intervalMs: number;
  log: Logger;
  metrics: ServiceMetrics;
}): Pruner {
  const { db, retentionMs, intervalMs, log, metrics } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const prune = async () => {
    try {
      const started = performance.now();
      const pruned = await pruneDelivery(db, new Date(Date.now() - retentionMs));
      metrics.prunedRows.inc({ table: 'outbox' }, pruned.outbox);
      metrics.prunedRows.inc({ table: 'processed_events' }, pruned.processedEvents);
      if (pruned.outbox + pruned.processedEvents > 0) {
        log.info(
          { ...pruned, ms: Math.round(performance.now() - started) },
          'pruned delivery rows past their retention',
        );
      }
    } catch (error) {
      // The next round tries again; nothing is lost by pruning late.
      log.warn({ err: error }, 'pruning delivery rows failed');
    }
  };
  return {
    start() {
      timer = setInterval(() => {
        running = running.then(prune);
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
