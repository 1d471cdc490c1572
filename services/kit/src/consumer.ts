import {
  parseEvent,
  topicName,
  type AnyEvent,
  type EventOnTopic,
  type TopicId,
} from '@thidua/schema';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { isGroupRejoin, isRetriable, NonRetriableError } from './errors.ts';
import type { Failpoint } from './failpoint.ts';
import { isExpectedAnswer } from './kafka-log.ts';
import type { KitTables } from './kit-tables.ts';
import type { Logger } from './logger.ts';
import type { ServiceMetrics } from './metrics.ts';
import { appendToOutbox, outboxMessageOf, type OutboxMessage } from './outbox.ts';

/** A stored offset as pg returns a bigint: as text. */
interface OffsetRow {
  next_offset: string;
}

/** What a handler gets for one batch: the open transaction and a way to emit events. */
export interface BatchContext<Database> {
  trx: Transaction<Database>;
  emit: (event: AnyEvent) => void;
  log: Logger;
}

export type BatchHandler<Database, Topic extends TopicId> = (
  events: EventOnTopic<Topic>[],
  context: BatchContext<Database>,
) => Promise<void>;

export interface BatchConsumerOptions<Database extends KitTables, Topic extends TopicId> {
  kafka: Kafka;
  db: Kysely<Database>;
  groupId: string;
  /** Several topics share one group when their events must be applied in one sequence. */
  topics: readonly Topic[];
  namespace: string;
  log: Logger;
  handle: BatchHandler<Database, Topic>;
  /** Called after a batch committed with outbox rows, so the relay can publish at once. */
  onOutboxWritten?: () => void;
  /** The fault-injection tests' crash points (see failpoint.ts); none by default. */
  failpoint?: Failpoint;
  metrics?: ServiceMetrics;
  /** Called when the consumer crashed and kafkajs will not restart it: the service must end. */
  onFatal?: (error: Error) => void;
}

/** What one batch did, counted once its transaction committed. */
interface BatchTally {
  replayed: number;
  duplicates: number;
  applied: number;
  deadLetters: number;
  /** Events emitted, by type: counted in one increment per type (each increment hashes its labels). */
  emitted: Map<string, number>;
}

export interface BatchConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
  isReady(): boolean;
}

/**
 * Consumes a topic in batches. For each batch, one PostgreSQL transaction applies the handler's
 * effects, writes the events it emits (and dead letters) to the outbox, and stores the next offset;
 * only then is the offset committed to Kafka. Messages at or below the stored offset and events
 * whose id was already processed are skipped, so a crash between the two commits or a duplicate
 * publication changes nothing.
 */
export function createBatchConsumer<Database extends KitTables, Topic extends TopicId>(
  options: BatchConsumerOptions<Database, Topic>,
): BatchConsumer {
  const { kafka, db, groupId, namespace, log, handle, metrics } = options;
  const failpoint = options.failpoint ?? (() => undefined);
  const topicIds = new Map(options.topics.map((id) => [topicName(namespace, id), id]));
  let consumer: Consumer | null = null;
  let joined = false;

  async function processBatch(payload: EachBatchPayload): Promise<void> {
    try {
      await applyBatch(payload);
    } catch (error) {
      // A retriable failure (PostgreSQL or the broker away) is retried by kafkajs with jittered
      // backoff, and a rebalance met on the way (the batch's own transaction may have committed)
      // makes kafkajs rejoin the group; anything else would fail the same way on every replay.
      if (isRetriable(error) || isGroupRejoin(error)) throw error;
      throw new NonRetriableError(`batch of ${payload.batch.topic} failed`, error);
    }
  }

  async function applyBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const last = batch.messages.at(-1);
    if (last === undefined) return;
    const started = process.hrtime.bigint();
    const tally: BatchTally = {
      replayed: 0,
      duplicates: 0,
      applied: 0,
      deadLetters: 0,
      emitted: new Map(),
    };
    const wroteOutbox = await db.transaction().execute(async (trx) => {
      // The kit's own tables are reached in SQL: the handle is typed by the service's tables,
      // which include the kit's, and Kysely cannot narrow a generic handle to them.
      const { rows: offsets } = await sql<OffsetRow>`
        SELECT next_offset FROM consumer_offsets
        WHERE group_id = ${groupId} AND topic = ${batch.topic} AND partition = ${batch.partition}
        FOR UPDATE
      `.execute(trx);
      const stored = offsets[0];
      const from = stored === undefined ? 0n : BigInt(stored.next_offset);
      const fresh = batch.messages.filter((m) => BigInt(m.offset) >= from);
      tally.replayed = batch.messages.length - fresh.length;
      const topic = topicIds.get(batch.topic);
      if (fresh.length === 0 || topic === undefined) return false;

      const outgoing: OutboxMessage[] = [];
      const valid: EventOnTopic<Topic>[] = [];
      for (const message of fresh) {
        const parsed = parseEvent(topic, message.value?.toString('utf8') ?? '');
        if (parsed.ok) valid.push(parsed.event);
        else
          outgoing.push(deadLetter(message, batch.topic, batch.partition, groupId, parsed.reason));
      }
      for (const letter of outgoing) {
        log.warn(
          { origin: JSON.parse(letter.value) as unknown },
          'event sent to the dead-letter topic',
        );
      }

      tally.deadLetters = outgoing.length;
      const unseen = await keepUnseen(trx, valid);
      tally.duplicates = valid.length - unseen.length;
      tally.applied = unseen.length;
      failpoint('consumer.in-handler');
      await handle(unseen, {
        trx,
        emit: (event) => {
          outgoing.push(outboxMessageOf(event));
          tally.emitted.set(event.type, (tally.emitted.get(event.type) ?? 0) + 1);
        },
        log,
      });
      await appendToOutbox(trx, outgoing);
      const next = (BigInt(last.offset) + 1n).toString();
      await sql`
        INSERT INTO consumer_offsets (group_id, topic, partition, next_offset)
        VALUES (${groupId}, ${batch.topic}, ${batch.partition}, ${next})
        ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset
      `.execute(trx);
      failpoint('consumer.before-db-commit');
      return outgoing.length > 0;
    });
    failpoint('consumer.after-db-commit');
    if (metrics !== undefined) countBatch(metrics, batch.topic, tally, started);
    if (wroteOutbox) options.onOutboxWritten?.();
    payload.resolveOffset(last.offset);
    await payload.commitOffsetsIfNecessary({
      topics: [
        {
          topic: batch.topic,
          partitions: [
            { partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
          ],
        },
      ],
    });
    metrics?.consumerLag.set(
      { topic: batch.topic, partition: String(batch.partition) },
      Number(batch.offsetLag()),
    );
    await payload.heartbeat();
  }

  return {
    async start() {
      // A fetch holds at most 2 MB (kafkajs' default is 10 MB across partitions): a service works on
      // one partition's batch at a time, so a larger fetch only keeps more of the backlog in memory.
      consumer = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false,
        maxBytes: 2 * 1024 * 1024,
      });
      consumer.on(consumer.events.GROUP_JOIN, () => {
        joined = true;
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        joined = false;
        // kafkajs restarts the consumer after a retriable error (e.g. the group coordinator is
        // still loading at start); only a crash it does not recover from is an error.
        if (payload.restart) {
          // At start, e.g. while the group coordinator is still loading: not worth a warning.
          if (isExpectedAnswer(payload.error))
            log.debug({ err: payload.error }, 'consumer restarting');
          else log.warn({ err: payload.error }, 'consumer restarting after an error');
          return;
        }
        log.error({ err: payload.error }, 'consumer crashed and will not restart');
        options.onFatal?.(payload.error);
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [...topicIds.keys()], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: processBatch,
      });
    },
    async stop() {
      const running = consumer;
      consumer = null;
      joined = false;
      // disconnect waits for the batch in hand to finish and commit.
      await running?.disconnect();
    },
    isReady: () => joined,
  };
}

function countBatch(
  metrics: ServiceMetrics,
  topic: string,
  tally: BatchTally,
  started: bigint,
): void {
  metrics.batchDuration.observe({ topic }, Number(process.hrtime.bigint() - started) / 1e9);
  metrics.eventsApplied.inc({ topic }, tally.applied);
  metrics.eventsDuplicate.inc({ topic, reason: 'offset' }, tally.replayed);
  metrics.eventsDuplicate.inc({ topic, reason: 'event_id' }, tally.duplicates);
  metrics.deadLetters.inc({ topic }, tally.deadLetters);
  for (const [type, count] of tally.emitted) metrics.eventsEmitted.inc({ type }, count);
}

/** Drops events already processed (an event published twice, or replayed). */
async function keepUnseen<Database extends KitTables, E extends { id: string }>(
  trx: Transaction<Database>,
  events: E[],
): Promise<E[]> {
  if (events.length === 0) return events;
  // The envelope checked every id as a UUID, so they need no escaping: one comma-separated text.
  const { rows: inserted } = await sql<KitTables['processed_events']>`
    INSERT INTO processed_events (event_id)
    SELECT unnest(string_to_array(${events.map((event) => event.id).join(',')}, ','))::uuid
    ON CONFLICT (event_id) DO NOTHING RETURNING event_id
  `.execute(trx);
  const fresh = new Set(inserted.map((row) => row.event_id));
  // The same id twice in one batch is inserted once; keep its first occurrence only.
  return events.filter((event) => fresh.delete(event.id));
}

function deadLetter(
  message: KafkaMessage,
  topic: string,
  partition: number,
  consumerGroup: string,
  reason: string,
): OutboxMessage {
  const key = storableText(message.key);
  return {
    topic: 'dlq',
    key: key.text ?? `base64:${key.base64 ?? ''}`,
    value: JSON.stringify({
      reason: reason.replaceAll('\u0000', '\uFFFD'),
      origin: { topic, partition, offset: message.offset },
      consumerGroup,
      key: key.text ?? null,
      keyBase64: key.base64,
      value: storableText(message.value).text ?? null,
      valueBase64: storableText(message.value).base64,
      valueBytes: message.value?.length ?? 0,
    }),
  };
}

/** The most of a poison message a dead letter keeps: letters stay far below the topic's limit. */
export const deadLetterBytes = 64 * 1024;

/**
 * How a dead letter carries raw bytes: as text when they are UTF-8 without NUL (which PostgreSQL
 * cannot store), else as base64; either way only their first `deadLetterBytes`.
 */
function storableText(bytes: Buffer | null): { text: string | null; base64: string | null } {
  if (bytes === null) return { text: null, base64: null };
  const kept = bytes.subarray(0, deadLetterBytes);
  const text = kept.toString('utf8');
  return Buffer.from(text, 'utf8').equals(kept) && !text.includes('\u0000')
    ? { text, base64: null }
    : { text: null, base64: kept.toString('base64') };
}
