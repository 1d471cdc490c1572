import { topicName, type TopicId } from '@thidua/schema';
import { Partitioners, type Kafka, type Producer, type ProducerConfig } from 'kafkajs';
import { sql, type Kysely } from 'kysely';
import { backoffMs, isProducerIdentityLost, isRetriable } from './errors.ts';
import type { Failpoint } from './failpoint.ts';
import type { KitTables } from './kit-tables.ts';
import type { Logger } from './logger.ts';
import { sendEveryPartition } from './send-per-partition.ts';
import type { ServiceMetrics } from './metrics.ts';

export interface OutboxRelayOptions {
  kafka: Kafka;
  db: Kysely<KitTables>;
  /** The owning service's schema; also names the lock that lets one relay per service work. */
  schema: string;
  namespace: string;
  log: Logger;
  batchSize?: number;
  /** At most this many bytes of values per send, below the broker's 1 MB default request batch. */
  batchBytes?: number;
  /** How often to look for rows when nobody said there are some. */
  pollMs?: number;
  /** The fault-injection tests' crash points (see failpoint.ts); none by default. */
  failpoint?: Failpoint;
  metrics?: ServiceMetrics;
  /**
   * How long the relay may go without completing a round (a send hanging on an unreachable
   * broker, or failing again and again) before `onFatal` is called; 2 minutes unless given.
   */
  maxStallMs?: number;
  /** Called once, when the relay stalled too long or failed in a way a retry cannot mend. */
  onFatal?: (error: Error) => void;
  /** Makes the relay's producer from its settings; the tests wrap it to inject a broker's refusal. */
  createProducer?: (config: ProducerConfig) => Producer;
}

/** The relay's producer settings. */
const producerConfig: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  // Keys map to partitions as in the Java client, so every tool agrees where a cluster lives.
  createPartitioner: Partitioners.DefaultPartitioner,
  // The idempotent producer keeps its guarantees only if it never gives up on a send.
  retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5000 },
};

/** An outbox row as the relay reads it; pg returns the bigint seq as text. */
interface UnsentRow {
  seq: string;
  topic: string;
  key: string;
  value: string;
  created_at: Date;
}

export interface OutboxRelay {
  start(): Promise<void>;
  /** Publish now rather than at the next poll. */
  wake(): void;
  stop(): Promise<void>;
  /** Seconds since the relay last completed a round; 0 while it is not running. */
  stalledSeconds(): number;
}

/** The relay could not publish for longer than it may. */
export class RelayStalledError extends Error {
  override readonly name = 'RelayStalledError';
  constructor(stalledMs: number) {
    super(`the outbox relay has not completed a round for ${Math.round(stalledMs / 1000)} s`);
  }
}

/**
 * Publishes outbox rows in order with the idempotent producer, then marks them sent. A crash
 * between the two publishes the rows again on restart; consumers drop them by event id.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const {
    kafka,
    db,
    schema,
    namespace,
    log,
    batchSize = 1000,
    batchBytes = 800_000,
    pollMs = 250,
    failpoint = () => undefined,
    metrics,
    maxStallMs = 120_000,
    createProducer = (config: ProducerConfig) => kafka.producer(config),
  } = options;
  let producer: Producer | null = null;
  let loop: Promise<void> = Promise.resolve();
  // Changed by wake() and stop() while the loop awaits, so kept where the compiler won't narrow it.
  const state: {
    running: boolean;
    pending: boolean;
    wakeUp: (() => void) | null;
    lastRoundAt: number;
    failed: boolean;
  } = { running: false, pending: true, wakeUp: null, lastRoundAt: Date.now(), failed: false };
  let watchdog: NodeJS.Timeout | undefined;

  const fail = (error: Error) => {
    if (state.failed) return;
    state.failed = true;
    state.running = false;
    state.wakeUp?.();
    log.error({ err: error }, 'outbox relay gave up');
    options.onFatal?.(error);
  };
  const isRunning = () => state.running;

  /** Publishes one batch; returns how many rows it sent (0 when idle or another relay holds the lock). */
  async function relayOnce(active: Producer): Promise<number> {
    return db.transaction().execute(async (trx) => {
      // Two instances of a service share its outbox; a transaction lock keeps one relay at a time
      // so that messages of one key are published in order.
      const { rows } = await sql<{
        locked: boolean;
      }>`SELECT pg_try_advisory_xact_lock(hashtext(${`outbox:${schema}`})) AS locked`.execute(trx);
      if (rows[0]?.locked !== true) return 0;
      // The first unsent rows whose values fit in batchBytes (always at least one), cut in SQL:
      // a round of 4.6 KB scorecards sends about 170 rows, and reading all batchSize rows only to
      // drop most of them cost the service 5 MB of strings to decode and collect each round.
      const { rows: batch } = await sql<UnsentRow>`
        SELECT seq, topic, key, value, created_at FROM (
          SELECT seq, topic, key, value, created_at,
                 sum(octet_length(value)) OVER (ORDER BY seq) AS used,
                 row_number() OVER (ORDER BY seq) AS n
          FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ${batchSize}
        ) AS unsent
        WHERE used <= ${batchBytes} OR n = 1
        ORDER BY seq
      `.execute(trx);
      if (batch.length === 0) return 0;
      const byTopic = new Map<string, { key: string; value: string }[]>();
      for (const row of batch) {
        const name = topicName(namespace, row.topic as TopicId);
        const list = byTopic.get(name) ?? [];
        list.push({ key: row.key, value: row.value });
        byTopic.set(name, list);
      }
      await sendEveryPartition(
        kafka,
        active,
        [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      );
      failpoint('relay.after-send');
      // Exactly the rows sent: a row with a lower seq whose transaction committed after the select
      // was not sent, and must stay for the next round.
      await trx
        .updateTable('outbox')
        .set({ sent_at: new Date() })
        .where(
          'seq',
          'in',
          batch.map((row) => row.seq),
        )
        .execute();
      if (metrics !== undefined) countSent(metrics, batch);
      return batch.length;
    });
  }

  async function connectedProducer(): Promise<Producer> {
    const made = createProducer(producerConfig);
    await made.connect();
    return made;
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (state.running) {
      let pauseMs = pollMs;
      try {
        state.pending = false;
        producer ??= await connectedProducer();
        const sent = await relayOnce(producer);
        state.lastRoundAt = Date.now();
        failures = 0;
        if (sent > 0) continue;
      } catch (error) {
        if (isProducerIdentityLost(error)) {
          // The rows stay unsent and go out, in their order, with a new producer after the pause.
          const refused = producer;
          producer = null;
          await refused?.disconnect().catch(() => undefined);
        } else if (!isRetriable(error)) {
          fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        failures += 1;
        pauseMs = backoffMs(failures, { firstMs: pollMs, maxMs: 10_000 });
        log.warn({ err: error, failures, pauseMs }, 'outbox relay failed; retrying');
      }
      // After a failure, pause even if woken: the rows written meanwhile wait for the retry.
      if ((failures > 0 || !state.pending) && isRunning()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pauseMs);
          state.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        state.wakeUp = null;
      }
    }
  }

  return {
    async start() {
      producer = await connectedProducer();
      state.running = true;
      state.lastRoundAt = Date.now();
      watchdog = setInterval(
        () => {
          const stalledMs = Date.now() - state.lastRoundAt;
          if (state.running && stalledMs > maxStallMs) fail(new RelayStalledError(stalledMs));
        },
        Math.min(1000, maxStallMs),
      );
      watchdog.unref();
      loop = run();
    },
    wake() {
      state.pending = true;
      state.wakeUp?.();
    },
    stalledSeconds: () => (state.running ? (Date.now() - state.lastRoundAt) / 1000 : 0),
    async stop() {
      clearInterval(watchdog);
      state.running = false;
      state.wakeUp?.();
      await loop;
      await producer?.disconnect();
      producer = null;
    },
  };
}

function countSent(
  metrics: ServiceMetrics,
  rows: readonly { topic: string; created_at: Date }[],
): void {
  const now = Date.now();
  const byTopic = new Map<string, number>();
  for (const row of rows) {
    byTopic.set(row.topic, (byTopic.get(row.topic) ?? 0) + 1);
    metrics.relayLatency.observe((now - row.created_at.getTime()) / 1000);
  }
  // One increment per topic, not per row: each increment hashes its labels.
  for (const [topic, count] of byTopic) metrics.outboxPublished.inc({ topic }, count);
}
