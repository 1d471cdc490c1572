import { createAwardsService } from '@thidua/awards';
import type { ReadModelDump } from '@thidua/infra';
import { createDb, createKafka, createLogger, type CommonSettings } from '@thidua/kit';
import { createRankingService } from '@thidua/ranking';
import { createReportingService } from '@thidua/reporting';
import { createScoringService } from '@thidua/scoring';
import { topicName } from '@thidua/schema';
import type { Admin, Kafka } from 'kafkajs';
import type { Kysely } from 'kysely';
import { testSettings } from '../../support/database.ts';
import { startSystem } from '../../support/system.ts';
import { eventsProcessed, tallyOf, type Tally } from './delivery-tally.ts';
import { loadReferenceWorkload } from './reference-workload.ts';
import { settledDump } from './settled-dump.ts';
import {
  produceInOrder,
  readTopic,
  type OutgoingMessage,
  type RawMessage,
} from './topic-messages.ts';

/** The test's own handles on a run's broker and database. */
interface Probe {
  kafka: Kafka;
  admin: Admin;
  db: Kysely<unknown>;
  close(): Promise<void>;
}

async function probe(settings: CommonSettings): Promise<Probe> {
  const kafka = createKafka(settings.KAFKA_BROKERS, 'fault-probe', createLogger('probe', 'silent'));
  const admin = kafka.admin();
  await admin.connect();
  const db = createDb<unknown>(settings.DATABASE_URL, 'public', 2);
  return {
    kafka,
    admin,
    db,
    async close() {
      await admin.disconnect();
      await db.destroy();
    },
  };
}

/** The reference workload loaded through the gateway into a whole system, once all went through. */
export interface CleanRun {
  dump: ReadModelDump;
  tally: Tally;
  /** The contest topic as the run left it, raw. */
  messages: RawMessage[];
  /** The id of every contest event, in topic order. */
  contestIds: string[];
  /** Gateway commands run. */
  commands: number;
  seconds: number;
}

export async function cleanRun(): Promise<CleanRun> {
  const begin = performance.now();
  const settings = testSettings();
  const system = await startSystem(settings);
  const handles = await probe(settings);
  try {
    const commands = await loadReferenceWorkload(system.gateway.db);
    const namespace = settings.TOPIC_NAMESPACE;
    const dump = await settledDump(handles.db, handles.admin, namespace);
    const messages = await readTopic(handles.kafka, topicName(namespace, 'contest'));
    const contestIds = messages.map(
      (m) => (JSON.parse(m.value?.toString('utf8') ?? 'null') as { id: string }).id,
    );
    return {
      dump,
      tally: await tallyOf(handles.db, contestIds),
      messages,
      contestIds,
      commands,
      seconds: (performance.now() - begin) / 1000,
    };
  } finally {
    await handles.close();
    await system.stop();
  }
}

/** What a replay does to each partition's messages; the faults it injected, counted. */
export interface ReplayPlan {
  byPartition: Map<number, OutgoingMessage[]>;
  duplicates: number;
  replays: number;
}

/**
 * Each partition's messages in their order, every one twice (each chunk of `chunk` sent again right
 * after itself, so some copies share a batch with their original and some do not), then the
 * partition's first half once more: old events after newer ones.
 */
export function duplicatingPlan(messages: readonly RawMessage[], chunk = 20): ReplayPlan {
  const byPartition = new Map<number, OutgoingMessage[]>();
  let duplicates = 0;
  let replays = 0;
  const partitions = [...new Set(messages.map((m) => m.partition))];
  for (const partition of partitions) {
    const own = messages
      .filter((m) => m.partition === partition)
      .map(({ key, value }) => ({ partition, key, value }));
    const plan: OutgoingMessage[] = [];
    for (let start = 0; start < own.length; start += chunk) {
      const slice = own.slice(start, start + chunk);
      plan.push(...slice, ...slice);
      duplicates += slice.length;
    }
    const firstHalf = own.slice(0, Math.ceil(own.length / 2));
    plan.push(...firstHalf);
    replays += firstHalf.length;
    byPartition.set(partition, plan);
  }
  return { byPartition, duplicates, replays };
}

/** The partitions' lists merged round-robin, so that every partition moves along at once. */
export function interleave(byPartition: Map<number, OutgoingMessage[]>): OutgoingMessage[] {
  const lists = [...byPartition.values()];
  const merged: OutgoingMessage[] = [];
  for (let i = 0; merged.length < lists.reduce((n, l) => n + l.length, 0); i += 1) {
    for (const list of lists) {
      const message = list[i];
      if (message !== undefined) merged.push(message);
    }
  }
  return merged;
}

/** The consuming services of a fresh namespace and database, after a replay went through. */
export interface ReplayResult {
  settings: CommonSettings;
  dump: ReadModelDump;
  tally: Tally;
  /** Messages produced to the contest topic. */
  produced: number;
  /** Event ids the four services recorded as processed, whatever the topic. */
  processed: number;
  /** The replay's contest and dead-letter topics as they ended, raw. */
  contest: RawMessage[];
  deadLetters: RawMessage[];
  seconds: number;
}

/**
 * Starts scoring, ranking, awards and reporting (no gateway: nothing but the replay writes the
 * contest topic) in a fresh namespace and database, produces `messages` into its contest topic
 * while they run, and waits until they have taken in everything.
 */
export async function replayContest(
  messages: readonly OutgoingMessage[],
  contestIds: readonly string[],
  settleMs = 90_000,
): Promise<ReplayResult> {
  const begin = performance.now();
  const settings = testSettings();
  const services = [
    createScoringService(settings, 0),
    createRankingService(settings, 0),
    createAwardsService(settings, 0),
    createReportingService(settings, 0),
  ];
  await Promise.all(services.map((service) => service.start()));
  const handles = await probe(settings);
  try {
    const namespace = settings.TOPIC_NAMESPACE;
    await produceInOrder(handles.kafka, topicName(namespace, 'contest'), messages);
    const dump = await settledDump(handles.db, handles.admin, namespace, { timeoutMs: settleMs });
    return {
      settings,
      dump,
      tally: await tallyOf(handles.db, contestIds),
      produced: messages.length,
      processed: await eventsProcessed(handles.db),
      contest: await readTopic(handles.kafka, topicName(namespace, 'contest')),
      deadLetters: await readTopic(handles.kafka, topicName(namespace, 'dlq')),
      seconds: (performance.now() - begin) / 1000,
    };
  } finally {
    await handles.close();
    await Promise.all(services.map((service) => service.stop()));
  }
}
