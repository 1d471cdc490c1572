// `npm run bench -- --preset quick|demo|national [--profile] [--keep]`
//
// Measures the whole pipeline against its bare cost, on one workload, in one run (issue 7):
// bare stage, drain, query, visible and memory. Uses its own database and topic namespace on the
// broker ensureBroker finds or starts, runs every service as its own process (as `npm start`
// does), prints a table and writes test/bench/results/latest.json. Exits 1 when an event did not
// arrive or a command was refused: the quick preset is the proof that the benchmark works.
import { createDb, ensureDatabase, migrateToLatest } from '@thidua/kit';
import {
  executeCommand,
  gatewayMigrations,
  mintToken,
  type GatewayDatabase,
} from '@thidua/gateway';
import { topicName, type PeriodSummary, type StandingEntry } from '@thidua/schema';
import { Kafka, logLevel, Partitioners, type Admin, type EachBatchPayload } from 'kafkajs';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request, type RequestOptions } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { BrokerHandle } from '@thidua/infra';
// Not from @thidua/infra's index: that would read the infra environment before the ports are chosen.
import { serviceArgs } from '../../infra/src/service-command.ts';
import { formatSummary, summarizeProfile } from './top-functions.ts';
import {
  figuresOf,
  generateWorkload,
  presets,
  seededRandom,
  type Preset,
  type Workload,
} from './workload.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(root, 'test/bench/results');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const presetName = option('preset') ?? 'quick';
const profile = args.includes('--profile');
const keep = args.includes('--keep');
const reuseBroker = args.includes('--reuse-broker');
function pickPreset(): Preset {
  const chosen = presets[presetName];
  if (chosen !== undefined) return chosen;
  process.stderr.write(`unknown preset ${presetName}; one of ${Object.keys(presets).join(', ')}\n`);
  process.exit(2);
}
const preset = pickPreset();

const started = Date.now();
const say = (message: string) =>
  process.stdout.write(
    `[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}\n`,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failures: string[] = [];
const fail = (message: string) => {
  failures.push(message);
  say(`FAILED: ${message}`);
};

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Service processes

interface ServiceProcess {
  name: string;
  child: ChildProcess;
  port: number;
  readyz: string;
  peakRssMb: number;
  readyRssMb: number;
}

const children: ServiceProcess[] = [];
const profileDir = join(resultsDir, 'profiles', `${presetName}-${started.toString(36)}`);

function spawnService(
  name: string,
  env: Record<string, string>,
  portVariable: string,
  port: number,
): ServiceProcess {
  const profileArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profileArgs, ...serviceArgs(name, 'compiled', root)], {
    cwd: root,
    env: { ...process.env, ...env, [portVariable]: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      // kafkajs reports retried responses and rebalances as warnings; show the rest.
      if (!line.includes('"component":"kafkajs"')) process.stdout.write(`  [${name}] ${line}\n`);
    });
  }
  const service: ServiceProcess = {
    name,
    child,
    port,
    readyz: `http://127.0.0.1:${String(port)}/readyz`,
    peakRssMb: 0,
    readyRssMb: 0,
  };
  child.once('exit', (code, signal) => {
    if (!stopping) fail(`${name} exited (${signal ?? `code ${String(code)}`})`);
  });
  children.push(service);
  return service;
}

async function waitReady(service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = await fetch(service.readyz).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      service.readyRssMb = rssOf(service.child.pid) ?? 0;
      return;
    }
    if (Date.now() > deadline) throw new Error(`${service.name} did not become ready`);
    await sleep(200);
  }
}

/** Resident set size of a process in MB, from /proc (Linux); null elsewhere or once it is gone. */
function rssOf(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match?.[1] === undefined ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

let stopping = false;
async function stopChildren(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// HTTP load

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** The production gateway of a run signs and checks its tokens with this. */
const benchSecret = `thidua-bench-${randomBytes(16).toString('hex')}`;

/** A POST to the gateway's GraphQL endpoint, answered as `accept` asks. */
function graphqlPost(
  port: number,
  body: string,
  token: string,
  accept: 'application/json' | 'text/event-stream',
): RequestOptions {
  return {
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
    },
  };
}

function postJson(
  port: number,
  body: string,
  token: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { ...graphqlPost(port, body, token, 'application/json'), agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Subscribes to `rankingChanged` for a cluster's period over server-sent events, as a client of
 * the gateway would, and hands each delivered standings' entries to `onStandings`. Resolves once
 * the gateway has answered the subscription.
 */
function subscribeToRanking(
  port: number,
  token: string,
  cluster: string,
  period: string,
  onStandings: (entries: { unitCode: string; submittedAt: string | null }[]) => void,
): Promise<{ close(): void }> {
  const body = JSON.stringify({
    query: `subscription($cluster: String!, $period: String!) {
      rankingChanged(cluster: $cluster, period: $period) { entries { unitCode submittedAt } }
    }`,
    variables: { cluster, period },
  });
  return new Promise((resolve, reject) => {
    const req = request(graphqlPost(port, body, token, 'text/event-stream'), (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`rankingChanged(${cluster}) answered ${String(response.statusCode)}`));
        return;
      }
      let buffered = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffered += chunk;
        // Events end with a blank line; their data lines carry the GraphQL result.
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const data = buffered
            .slice(0, end)
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5))
            .join('');
          buffered = buffered.slice(end + 2);
          end = buffered.indexOf('\n\n');
          if (data.trim() === '') continue;
          const result = JSON.parse(data) as {
            data?: {
              rankingChanged?: { entries: { unitCode: string; submittedAt: string | null }[] };
            };
          };
          const entries = result.data?.rankingChanged?.entries;
          if (entries === undefined) fail(`rankingChanged(${cluster}) sent ${data.slice(0, 200)}`);
          else onStandings(entries);
        }
      });
      resolve({ close: () => req.destroy() });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    req.end(body);
  });
}

interface LoadResult {
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** `connections` loops posting `body` back to back for `seconds`; latencies in ms. */
async function loadTest(
  port: number,
  body: string,
  token: string,
  connections: number,
  seconds: number,
  label: string,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const begin = performance.now();
  const end = begin + seconds * 1000;
  const progress = setInterval(() => {
    const elapsed = (performance.now() - begin) / 1000;
    say(`  ${label}: ${String(latencies.length)} requests in ${elapsed.toFixed(0)} s`);
  }, 5000);
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const response = await postJson(port, body, token);
          if (response.status !== 200 || response.text.includes('"errors"')) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  clearInterval(progress);
  const elapsed = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    reqPerSec: round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p99Ms: round(percentile(latencies, 0.99), 2),
  };
}

const rankingQuery = /* GraphQL */ `
  query Ranking($cluster: String!, $period: String!) {
    ranking(cluster: $cluster, period: $period) {
      clusterCode
      periodId
      revision
      changedAt
      entries {
        unitCode
        unitName
        status
        rank
        total
        criteriaSum
        deductions
        classification
        submittedAt
        movement
      }
    }
  }
`;

const submitMutation = /* GraphQL */ `
  mutation Submit(
    $unit: String!
    $period: String!
    $indicators: [IndicatorValueInput!]!
    $selfScores: [SelfScoreInput!]!
  ) {
    submitResults(
      unitCode: $unit
      periodId: $period
      indicators: $indicators
      selfScores: $selfScores
    ) {
      __typename
      ... on SubmissionAccepted {
        clusterCode
        version
        submittedAt
      }
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// The phases

/** Runs every command of the workload through the gateway's executeCommand, clusters in parallel. */
async function loadOutbox(db: Kysely<GatewayDatabase>, workload: Workload) {
  const queue = [...workload.steps.values()];
  const total = queue.reduce((n, steps) => n + steps.length, 0);
  let done = 0;
  let refused = 0;
  const begin = performance.now();
  const progress = setInterval(() => {
    const rate = done / ((performance.now() - begin) / 1000);
    say(`  load: ${String(done)}/${String(total)} commands (${rate.toFixed(0)}/s)`);
  }, 5000);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let steps = queue.shift(); steps !== undefined; steps = queue.shift()) {
        for (const step of steps) {
          const result = await executeCommand(db, null, step.command, step.at);
          done += 1;
          if (!result.ok) {
            refused += 1;
            if (refused <= 5) {
              fail(
                `${step.kind} of ${step.clusterCode} refused: ${JSON.stringify(result.refusal)}`,
              );
            }
          }
        }
      }
    }),
  );
  clearInterval(progress);
  const seconds = (performance.now() - begin) / 1000;
  return { commands: total, refused, seconds, perSec: total / seconds };
}

interface BareResult {
  events: number;
  seconds: number;
  eventsPerSec: number;
  produceSeconds: number;
}

/**
 * The floor: the same events produced to a scratch topic (same partitions, keys, idempotent
 * producer with acks from all replicas, batches of 1000 as the relay sends them), consumed with
 * eachBatch and written to a table, one transaction per batch with the stored offset, no logic.
 */
async function bareStage(
  kafka: Kafka,
  pool: pg.Pool,
  namespace: string,
  events: { key: string; value: string }[],
): Promise<BareResult> {
  const topic = `${namespace}.bench.bare`;
  const groupId = `${namespace}.bench-bare`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: 6, replicationFactor: 1 }],
  });
  await admin.disconnect();
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS bench;
    CREATE TABLE bench.bare_events (
      partition integer NOT NULL, "offset" bigint NOT NULL, key text NOT NULL, value jsonb NOT NULL,
      PRIMARY KEY (partition, "offset"));
    CREATE TABLE bench.bare_offsets (
      topic text NOT NULL, partition integer NOT NULL, next_offset bigint NOT NULL,
      PRIMARY KEY (topic, partition));
  `);

  let stored = 0;
  let finished: (() => void) | null = null;
  const allStored = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const joined = new Promise<void>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve());
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    say(
      `  bare stage consumer crashed (restart: ${String(payload.restart)}): ${payload.error.message}`,
    );
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async (payload: EachBatchPayload) => {
      const { batch } = payload;
      const last = batch.messages.at(-1);
      if (last === undefined) return;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const offset = await client.query<{ next_offset: string }>(
          'SELECT next_offset FROM bench.bare_offsets WHERE topic = $1 AND partition = $2 FOR UPDATE',
          [batch.topic, batch.partition],
        );
        const from = BigInt(offset.rows[0]?.next_offset ?? '0');
        const messages = batch.messages.filter((m) => BigInt(m.offset) >= from);
        const fresh = messages.length;
        await client.query(
          `INSERT INTO bench.bare_events (partition, "offset", key, value)
           SELECT $1, o, k, v::jsonb FROM unnest($2::bigint[], $3::text[], $4::text[]) AS t(o, k, v)`,
          [
            batch.partition,
            messages.map((m) => m.offset),
            messages.map((m) => m.key?.toString('utf8') ?? ''),
            messages.map((m) => m.value?.toString('utf8') ?? 'null'),
          ],
        );
        await client.query(
          `INSERT INTO bench.bare_offsets (topic, partition, next_offset) VALUES ($1, $2, $3)
           ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset`,
          [batch.topic, batch.partition, (BigInt(last.offset) + 1n).toString()],
        );
        await client.query('COMMIT');
        stored += fresh;
        if (stored >= events.length) finished?.();
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
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
      await payload.heartbeat();
    },
  });
  await joined;

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const begin = performance.now();
  const progress = setInterval(() => {
    say(`  bare stage: ${String(stored)}/${String(events.length)} events stored`);
  }, 5000);
  for (let i = 0; i < events.length; i += 1000) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [{ topic, messages: events.slice(i, i + 1000) }],
    });
  }
  const produceSeconds = (performance.now() - begin) / 1000;
  const timeout = sleep(Math.max(60_000, events.length)).then(() => 'timeout' as const);
  const outcome = await Promise.race([allStored.then(() => 'done' as const), timeout]);
  const seconds = (performance.now() - begin) / 1000;
  clearInterval(progress);
  await producer.disconnect();
  await consumer.disconnect();
  if (outcome === 'timeout') {
    fail(`bare stage: ${String(stored)} of ${String(events.length)} events stored`);
  }
  return { events: stored, seconds, eventsPerSec: stored / seconds, produceSeconds };
}

interface DrainProgress {
  reportingCards: number;
  reportingVersions: number;
  rankingCards: number;
  rankingVersions: number;
}

/**
 * What ranking and reporting have counted. The query runs on the database being measured, so the
 * drain polls it only every 250 ms (a pg_stat_statements run found polling every 100 ms, with an
 * outbox count every 3 s, took a sixth of PostgreSQL's time in the drain).
 */
async function drainProgress(pool: pg.Pool): Promise<DrainProgress> {
  const { rows } = await pool.query<{ rc: string; rv: string; kc: string; kv: string }>(`
    SELECT (SELECT count(*) FROM reporting.scorecards) AS rc,
           (SELECT coalesce(sum(submission_version), 0) FROM reporting.scorecards) AS rv,
           (SELECT count(*) FROM ranking.scorecards) AS kc,
           (SELECT coalesce(sum(submission_version), 0) FROM ranking.scorecards) AS kv
  `);
  const row = rows[0];
  return {
    reportingCards: Number(row?.rc ?? 0),
    reportingVersions: Number(row?.rv ?? 0),
    rankingCards: Number(row?.kc ?? 0),
    rankingVersions: Number(row?.kv ?? 0),
  };
}

/**
 * How many events the gateway's relay has published: the contest topic's end offsets, from Kafka.
 * The figure only decorates a progress line, so a retriable refusal (a partition whose leadership
 * the admin client has not learnt yet, just after the topics were created) gives "?" and the next
 * line asks again.
 */
async function relayedEvents(admin: Admin, namespace: string): Promise<string> {
  try {
    const offsets = await admin.fetchTopicOffsets(topicName(namespace, 'contest'));
    return String(offsets.reduce((sum, partition) => sum + Number(partition.high), 0));
  } catch (error) {
    // kafkajs' CommonJS errors are not named ESM exports; its errors carry `retriable`.
    if (error instanceof Error && 'retriable' in error && error.retriable === true) return '?';
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const workload = generateWorkload(preset);
  const { counts } = workload;
  const unitPeriods = workload.unitPeriods.length;
  say(
    `preset ${workload.preset.name}: ${String(workload.preset.clusters)} clusters × ${String(workload.preset.unitsPerCluster)} units, ` +
      `${String(counts.submissions)} submissions (${String(counts.revisions)} revisions, ${String(counts.late)} late) ` +
      `over ${workload.periods.join(' and ')}, ${String(counts.setup)} setup commands, ` +
      `${String(counts.reviews)} reviews, ${String(counts.adjustments)} bonus/deduction items`,
  );

  const kafkaDir = mkdtempSync(join(tmpdir(), 'thidua-bench-kafka-'));
  let broker: BrokerHandle | null = null;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/thidua');
  base.pathname = `/thidua_bench_${started.toString(36)}`;
  const databaseUrl = base.toString();
  const namespace = `bench-${randomBytes(4).toString('hex')}`;
  const gatewayDb = createDb<GatewayDatabase>(databaseUrl, 'gateway', 10);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let kafka: Kafka | null = null;

  try {
    if (!reuseBroker && (process.env.KAFKA_BROKERS ?? '') === '') {
      // A broker of its own on free ports: one another run shares may stop under it, and other
      // runs must not come to depend on this one's.
      process.env.KAFKA_PORT = String(await freePort());
      process.env.KAFKA_CONTROLLER_PORT = String(await freePort());
    }
    // Imported only now: the infra environment is read when its module loads.
    const { ensureBroker } = await import('../../infra/src/ensure-broker.ts');
    const { infraEnvironment } = await import('../../infra/src/environment.ts');
    broker = await ensureBroker(kafkaDir);
    say(
      broker.started
        ? `started a Kafka broker on ${broker.brokers.join(',')}`
        : `using the Kafka broker at ${broker.brokers.join(',')}`,
    );
    kafka = new Kafka({
      clientId: 'thidua-bench',
      brokers: broker.brokers,
      logLevel: logLevel.NOTHING,
    });
    await ensureDatabase(databaseUrl);
    await migrateToLatest(gatewayDb as Kysely<unknown>, 'gateway', gatewayMigrations);
    const { rows: versionRows } = await pool.query<{ v: string }>(
      "SELECT current_setting('server_version') AS v",
    );
    const machine = {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      memGiB: round(totalmem() / 2 ** 30),
      node: process.version,
      kafka: broker.started
        ? infraEnvironment.KAFKA_VERSION
        : `${infraEnvironment.KAFKA_VERSION}? (reused broker)`,
      postgres: versionRows[0]?.v ?? 'unknown',
    };
    say(`database ${base.pathname.slice(1)}, topic namespace ${namespace}`);

    // 1. The workload into the gateway's outbox, through its own commands (not timed: the fast path).
    say('loading the workload into the gateway outbox through executeCommand…');
    const load = await loadOutbox(gatewayDb, workload);
    say(
      `  ${String(load.commands)} commands in ${load.seconds.toFixed(1)} s (${load.perSec.toFixed(0)}/s), ${String(load.refused)} refused`,
    );
    const { rows: outboxRows } = await pool.query<{ key: string; value: string }>(
      "SELECT key, value FROM gateway.outbox WHERE topic = 'contest' ORDER BY seq",
    );
    const events = outboxRows.map((row) => ({ key: row.key, value: row.value }));

    // 2. Bare stage, on the same events, before any service runs.
    say(`bare stage: ${String(events.length)} events → Kafka → eachBatch → PostgreSQL…`);
    const bare = await bareStage(kafka, pool, namespace, events);
    say(
      `  ${String(bare.events)} events in ${bare.seconds.toFixed(2)} s: ${bare.eventsPerSec.toFixed(0)} events/s (producing took ${bare.produceSeconds.toFixed(2)} s)`,
    );

    // 3. Drain: the consuming services first, then the gateway, whose relay publishes the backlog.
    const common = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: broker.brokers.join(','),
      TOPIC_NAMESPACE: namespace,
    };
    const consumers = [
      spawnService('scoring', common, 'SCORING_HEALTH_PORT', await freePort()),
      spawnService('ranking', common, 'RANKING_HEALTH_PORT', await freePort()),
      spawnService('reporting', common, 'REPORTING_HEALTH_PORT', await freePort()),
    ];
    say('starting scoring, ranking and reporting…');
    await Promise.all(consumers.map(waitReady));
    const sampler = setInterval(() => {
      for (const service of children) {
        service.peakRssMb = Math.max(service.peakRssMb, rssOf(service.child.pid) ?? 0);
      }
    }, 200);
    const gatewayPort = await freePort();
    const gateway = spawnService(
      'gateway',
      {
        ...common,
        NODE_ENV: 'production',
        AUTH_SECRET: benchSecret,
        // The visible stage watches every cluster with one token.
        STREAMS_PER_SUBJECT: String(workload.preset.clusters),
      },
      'GATEWAY_PORT',
      gatewayPort,
    );
    say('starting the gateway: its relay publishes the backlog; draining…');
    const expected = { cards: unitPeriods, versions: counts.submissions };
    const drainTimeoutMs = Math.max(180_000, counts.submissions * 3);
    const drainBegin = Date.now();
    let drained: DrainProgress | null = null;
    let lastReport = 0;
    const progressAdmin = kafka.admin();
    await progressAdmin.connect();
    for (;;) {
      const now = Date.now();
      const report = now - lastReport > 3000;
      const p = await drainProgress(pool);
      if (
        p.reportingCards === expected.cards &&
        p.reportingVersions === expected.versions &&
        p.rankingCards === expected.cards &&
        p.rankingVersions === expected.versions
      ) {
        drained = p;
        break;
      }
      if (report) {
        lastReport = now;
        say(
          `  drain: relayed ${await relayedEvents(progressAdmin, namespace)}/${String(load.commands - load.refused)}, ` +
            `ranking ${String(p.rankingVersions)}/${String(expected.versions)}, ` +
            `reporting ${String(p.reportingVersions)}/${String(expected.versions)} submission versions counted`,
        );
      }
      if (now - drainBegin > drainTimeoutMs || failures.some((f) => f.includes('exited'))) {
        fail(
          `drain did not finish: ranking counted ${String(p.rankingVersions)} and reporting ` +
            `${String(p.reportingVersions)} of ${String(expected.versions)} versions`,
        );
        break;
      }
      await sleep(250);
    }
    const drainEnd = Date.now();
    await progressAdmin.disconnect();
    clearInterval(sampler);
    await waitReady(gateway);
    const { rows: firstSent } = await pool.query<{ t: Date | null }>(
      'SELECT min(sent_at) AS t FROM gateway.outbox',
    );
    const drainStart = firstSent[0]?.t?.getTime() ?? drainBegin;
    const drainSeconds = (drainEnd - drainStart) / 1000;
    const { rows: amplification } = await pool.query<{ s: string; r: string; p: string }>(`
      SELECT (SELECT count(*) FROM scoring.outbox WHERE topic = 'scores') AS s,
             (SELECT count(*) FROM ranking.outbox WHERE topic = 'rankings') AS r,
             (SELECT count(*) FROM scoring.outbox WHERE topic = 'dlq')
             + (SELECT count(*) FROM ranking.outbox WHERE topic = 'dlq')
             + (SELECT count(*) FROM reporting.outbox WHERE topic = 'dlq') AS p
    `);
    const scorecardEvents = Number(amplification[0]?.s ?? 0);
    const standingsEvents = Number(amplification[0]?.r ?? 0);
    const deadLetters = Number(amplification[0]?.p ?? 0);
    if (deadLetters > 0) fail(`${String(deadLetters)} dead letters`);
    const { rows: summaryRows } = await pool.query<{ period_id: string; summary: PeriodSummary }>(
      "SELECT period_id, summary FROM reporting.published_summaries WHERE cluster_code = '*'",
    );
    for (const periodId of workload.periods) {
      const summary = summaryRows.find((row) => row.period_id === periodId)?.summary;
      const want = workload.unitPeriods.filter((u) => u.periodId === periodId).length;
      if (summary?.submitted !== want) {
        fail(
          `summary of ${periodId} over all clusters counts ${String(summary?.submitted)} submitted, not ${String(want)}`,
        );
      }
    }
    const drain = {
      events: events.length,
      submissions: counts.submissions,
      seconds: round(drainSeconds, 2),
      eventsPerSec: round(events.length / drainSeconds, 0),
      submissionsPerSec: round(counts.submissions / drainSeconds, 0),
      ratioToBareStage: round(events.length / drainSeconds / bare.eventsPerSec, 3),
      scorecardEvents,
      standingsEvents,
      drained: drained !== null,
    };
    say(
      `  drained ${String(drain.submissions)} submissions (${String(drain.events)} contest events) in ${String(drain.seconds)} s: ` +
        `${String(drain.submissionsPerSec)} submissions/s; ${String(scorecardEvents)} ScorecardComputed, ${String(standingsEvents)} StandingsChanged emitted`,
    );
    const rssMb = Object.fromEntries(children.map((s) => [s.name, round(s.peakRssMb, 0)]));
    const rssAtReadyMb = Object.fromEntries(children.map((s) => [s.name, round(s.readyRssMb, 0)]));

    // 4. Query: the gateway's ranking query, then a bare yoga endpoint serving the same standings.
    const cluster = workload.clusters[0]?.code ?? 'cum-001';
    const period = workload.periods[0] ?? `${String(workload.year)}-H1`;
    const queryBody = JSON.stringify({
      query: rankingQuery,
      variables: { cluster, period },
    });
    const centralToken = await mintToken(benchSecret, { subject: 'bench', central: true });
    const sample = await postJson(gatewayPort, queryBody, centralToken);
    const sampleBody = JSON.parse(sample.text) as {
      data?: { ranking?: { entries: StandingEntry[] } | null };
    };
    const standings = sampleBody.data?.ranking ?? null;
    if (standings === null || standings.entries.length !== workload.preset.unitsPerCluster) {
      fail(`ranking of ${cluster} ${period} is not there: ${sample.text.slice(0, 200)}`);
    }
    say(
      `query: ranking(${cluster}, ${period}) at 20 connections for ${String(preset.querySeconds)} s…`,
    );
    const seconds = workload.preset.querySeconds;
    await loadTest(gatewayPort, queryBody, centralToken, 20, 3, 'warm-up');
    const gatewayLoad = await loadTest(
      gatewayPort,
      queryBody,
      centralToken,
      20,
      seconds,
      'gateway',
    );
    const bareChild = spawn(process.execPath, ['--import', 'tsx', 'test/bench/bare-yoga.ts'], {
      cwd: root,
      env: { ...process.env, BARE_STANDINGS: JSON.stringify(standings) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const barePort = await new Promise<number>((resolve, reject) => {
      createInterface({ input: bareChild.stdout }).once('line', (line) => resolve(Number(line)));
      bareChild.once('exit', () => reject(new Error('the bare yoga endpoint exited')));
    });
    let bareLoad: LoadResult;
    try {
      const bareSample = await postJson(barePort, queryBody, centralToken);
      if (bareSample.text !== sample.text) {
        say(`  note: the bare endpoint's answer differs: ${bareSample.text.slice(0, 200)}`);
      }
      await loadTest(barePort, queryBody, centralToken, 20, 3, 'warm-up');
      bareLoad = await loadTest(barePort, queryBody, centralToken, 20, seconds, 'bare yoga');
    } finally {
      bareChild.kill('SIGTERM');
    }
    const query = {
      cluster,
      period,
      connections: 20,
      seconds,
      reqPerSec: gatewayLoad.reqPerSec,
      p50Ms: gatewayLoad.p50Ms,
      p99Ms: gatewayLoad.p99Ms,
      errors: gatewayLoad.errors,
      bareReqPerSec: bareLoad.reqPerSec,
      bareP50Ms: bareLoad.p50Ms,
      bareP99Ms: bareLoad.p99Ms,
      ratioToBare: round(gatewayLoad.reqPerSec / bareLoad.reqPerSec, 3),
    };
    if (gatewayLoad.errors > 0) fail(`${String(gatewayLoad.errors)} ranking queries failed`);
    say(
      `  gateway ${String(query.reqPerSec)} req/s (p50 ${String(query.p50Ms)} ms, p99 ${String(query.p99Ms)} ms); ` +
        `bare yoga ${String(query.bareReqPerSec)} req/s (p50 ${String(query.bareP50Ms)} ms, p99 ${String(query.bareP99Ms)} ms)`,
    );

    // 5. Visible: mutations at a steady rate; time from each response until the ranking shows it.
    const visible = await measureVisible(workload, gatewayPort, pool);

    const results = {
      preset: workload.preset.name,
      at: new Date(started).toISOString(),
      machine,
      workload: {
        clusters: workload.preset.clusters,
        unitsPerCluster: workload.preset.unitsPerCluster,
        ...counts,
        contestEvents: events.length,
        loadSeconds: round(load.seconds, 1),
      },
      bareStage: {
        eventsPerSec: round(bare.eventsPerSec, 0),
        events: bare.events,
        seconds: round(bare.seconds, 2),
      },
      drain,
      query,
      visible,
      rssMb,
      rssAtReadyMb,
      notes: [
        'services run as separate processes from their compiled JavaScript (npm run build), as npm start runs them',
        'the workload is written to the gateway outbox with executeCommand before the relay starts; drain time runs from the first relayed batch (min outbox.sent_at) to the moment both ranking and reporting count every last version, checked every 250 ms',
        'visible: time from each submitResults response until a rankingChanged subscription (server-sent events, one per cluster) delivers standings with that submission',
        'rssMb: peak resident set size sampled every 200 ms during the drain',
      ],
      failures,
    };
    writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(
      join(resultsDir, `${workload.preset.name}.json`),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    printTable(results);
  } finally {
    say('stopping the services…');
    await stopChildren();
    agent.destroy();
    await gatewayDb.destroy();
    await pool.end();
    if (kafka !== null) await deleteTopics(kafka, namespace);
    if (!keep) await dropDatabase(databaseUrl);
    await broker?.stop();
    rmSync(kafkaDir, { recursive: true, force: true });
  }
  if (profile) {
    for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
      process.stdout.write(`${formatSummary(summarizeProfile(join(profileDir, file)))}\n\n`);
    }
  }
}

async function measureVisible(
  workload: Workload,
  gatewayPort: number,
  pool: pg.Pool,
): Promise<{
  rate: number;
  seconds: number;
  sent: number;
  accepted: number;
  seen: number;
  p50Ms: number;
  p99Ms: number;
  mutationP50Ms: number;
  mutationP99Ms: number;
}> {
  const { visibleRate: rate, visibleSeconds: seconds } = workload.preset;
  const period = workload.periods[0] ?? `${String(workload.year)}-H1`;
  const units = workload.clusters.slice(0, 20).flatMap((c) => c.members);
  const random = seededRandom(workload.preset.seed + 1);
  say(`visible: ${String(rate)} submitResults mutations/s for ${String(seconds)} s…`);
  interface Pending {
    unit: string;
    cluster: string;
    submittedAt: number;
    answeredAt: number;
  }
  const pending = new Map<string, Pending>();
  const visibleMs: number[] = [];
  const mutationMs: number[] = [];
  let sent = 0;
  let accepted = 0;
  const inFlight: Promise<void>[] = [];
  const clusters = [...new Set(workload.clusters.slice(0, 20).map((c) => c.code))];
  const centralToken = await mintToken(benchSecret, { subject: 'bench', central: true });
  const seeStandings = (entries: readonly { unitCode: string; submittedAt: string | null }[]) => {
    const seenAt = performance.now();
    for (const entry of entries) {
      const wait = pending.get(entry.unitCode);
      if (wait === undefined || entry.submittedAt === null) continue;
      if (Date.parse(entry.submittedAt) >= wait.submittedAt) {
        visibleMs.push(seenAt - wait.answeredAt);
        pending.delete(entry.unitCode);
      }
    }
  };
  const subscriptions = await Promise.all(
    clusters.map((cluster) =>
      subscribeToRanking(gatewayPort, centralToken, cluster, period, seeStandings),
    ),
  );

  const begin = performance.now();
  const total = rate * seconds;
  // Tokens are signed before the clock starts, so signing is not counted as mutation latency.
  const tokens = new Map<string, string>();
  for (const unit of units) {
    tokens.set(unit, await mintToken(benchSecret, { subject: 'bench', unitCode: unit }));
  }
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const unit = units[i % units.length] ?? '';
    const body = JSON.stringify({
      query: submitMutation,
      variables: { unit, period, ...figuresOf(workload.scheme, random) },
    });
    sent += 1;
    const t = performance.now();
    inFlight.push(
      postJson(gatewayPort, body, tokens.get(unit) ?? '').then(
        (response) => {
          const answeredAt = performance.now();
          mutationMs.push(answeredAt - t);
          const result = (
            JSON.parse(response.text) as {
              data?: {
                submitResults?: { __typename: string; clusterCode?: string; submittedAt?: string };
              };
            }
          ).data?.submitResults;
          if (result?.__typename !== 'SubmissionAccepted' || result.submittedAt === undefined) {
            fail(`mutation for ${unit} not accepted: ${response.text.slice(0, 300)}`);
            return;
          }
          accepted += 1;
          const before = pending.get(unit);
          // A newer version of a unit still waiting supersedes it; the older one counts as seen then.
          if (before !== undefined) visibleMs.push(Number.NaN);
          pending.set(unit, {
            unit,
            cluster: result.clusterCode ?? '',
            submittedAt: Date.parse(result.submittedAt),
            answeredAt,
          });
        },
        (error: unknown) => fail(`mutation for ${unit} failed: ${String(error)}`),
      ),
    );
    if (i % (rate * 5) === 0 && i > 0) {
      say(`  visible: ${String(i)}/${String(total)} sent, ${String(visibleMs.length)} seen`);
    }
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - begin) / 1000;
  const giveUpAt = performance.now() + 30_000;
  while (pending.size > 0 && performance.now() < giveUpAt) await sleep(50);
  for (const subscription of subscriptions) subscription.close();
  if (pending.size > 0) {
    // Where they went: accepted by the gateway, marked sent in its outbox, never seen by scoring?
    const { rows } = await pool.query<{ n: string }>(`
      SELECT count(*) AS n FROM gateway.submissions s
      JOIN gateway.outbox o ON o.value::jsonb ->> 'id' = s.event_id::text AND o.sent_at IS NOT NULL
      WHERE NOT EXISTS (SELECT 1 FROM scoring.processed_events p WHERE p.event_id::text = s.event_id::text)
    `);
    fail(
      `${String(pending.size)} accepted submissions never became visible; ${rows[0]?.n ?? '?'} ` +
        'ResultsSubmitted events are marked sent in gateway.outbox but scoring never received them',
    );
  }
  const measured = visibleMs.filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
  mutationMs.sort((a, b) => a - b);
  const result = {
    rate,
    seconds: round(sendSeconds, 1),
    sent,
    accepted,
    seen: measured.length,
    p50Ms: round(percentile(measured, 0.5), 0),
    p99Ms: round(percentile(measured, 0.99), 0),
    mutationP50Ms: round(percentile(mutationMs, 0.5), 1),
    mutationP99Ms: round(percentile(mutationMs, 0.99), 1),
  };
  say(
    `  ${String(accepted)}/${String(sent)} accepted in ${String(result.seconds)} s; visible p50 ${String(result.p50Ms)} ms, p99 ${String(result.p99Ms)} ms ` +
      `(mutation p50 ${String(result.mutationP50Ms)} ms, p99 ${String(result.mutationP99Ms)} ms)`,
  );
  return result;
}

async function deleteTopics(kafka: Kafka, namespace: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine });
  } catch (error) {
    say(`could not delete the bench topics: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}

async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function printTable(results: {
  preset: string;
  machine: { cores: number; memGiB: number; node: string; kafka: string; postgres: string };
  bareStage: { eventsPerSec: number };
  drain: {
    submissions: number;
    seconds: number;
    submissionsPerSec: number;
    eventsPerSec: number;
    ratioToBareStage: number;
  };
  query: {
    reqPerSec: number;
    p50Ms: number;
    p99Ms: number;
    bareReqPerSec: number;
    ratioToBare: number;
  };
  visible: { rate: number; p50Ms: number; p99Ms: number };
  rssMb: Record<string, number>;
}): void {
  const { machine, bareStage, drain, query, visible, rssMb } = results;
  const rows: [string, string, string][] = [
    ['bare stage', `${String(bareStage.eventsPerSec)} events/s`, 'floor of one stage'],
    [
      'drain',
      `${String(drain.submissionsPerSec)} submissions/s (${String(drain.eventsPerSec)} events/s)`,
      `${String(drain.submissions)} in ${String(drain.seconds)} s; ${(drain.ratioToBareStage * 100).toFixed(1)}% of bare`,
    ],
    [
      'query (20 conn.)',
      `${String(query.reqPerSec)} req/s, p50 ${String(query.p50Ms)} ms, p99 ${String(query.p99Ms)} ms`,
      `bare yoga ${String(query.bareReqPerSec)} req/s; ${(query.ratioToBare * 100).toFixed(1)}% of bare`,
    ],
    [
      'visible',
      `p50 ${String(visible.p50Ms)} ms, p99 ${String(visible.p99Ms)} ms`,
      `at ${String(visible.rate)} mutations/s`,
    ],
    [
      'peak RSS (drain)',
      Object.entries(rssMb)
        .map(([name, mb]) => `${name} ${String(mb)} MB`)
        .join(', '),
      'per service process',
    ],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(
    [
      '',
      `thidua bench, preset ${results.preset}: ${String(machine.cores)} cores, ${String(machine.memGiB)} GiB, Node ${machine.node}, Kafka ${machine.kafka}, PostgreSQL ${machine.postgres}`,
      line(['measure', 'figure', 'context']),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.map(line),
      '',
    ].join('\n'),
  );
}

main().then(
  () => {
    if (failures.length > 0) {
      process.stderr.write(`bench failed:\n  ${failures.join('\n  ')}\n`);
      process.exit(1);
    }
    say('done; results in test/bench/results/latest.json');
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(
      `bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
