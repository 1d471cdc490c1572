// `npm run bench -- --preset quick|demo|regional|national [--profile] [--keep] [--reuse-broker]`
//
// Measures the whole pipeline against its bare cost, on one workload, in one run (issue 7):
// bare stage (bare-stage.ts), drain (drain.ts), query (query-measure.ts), visible (visible.ts) and
// memory. Uses its own database and topic namespace on the broker ensureBroker finds or starts,
// runs every service as its own process (as `npm start` does), prints a table and writes
// test/bench/results/latest.json. Exits 1 when an event did not arrive or a command was refused:
// the quick preset is the proof that the benchmark works.
import { createDb, ensureDatabase, migrateToLatest } from '@thidua/kit';
import { gatewayMigrations, type GatewayDatabase } from '@thidua/gateway';
import type { BrokerHandle } from '@thidua/infra';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bareStage } from './bare-stage.ts';
import { failures, round, say, started } from './bench-log.ts';
import { parseBenchOptions, usage, type BenchOptions } from './bench-options.ts';
import { measureDrain } from './drain.ts';
import { agent, benchSecret } from './http-load.ts';
import { loadOutbox } from './outbox-load.ts';
import { measureQuery } from './query-measure.ts';
import { printTable } from './results-table.ts';
import { freePort, ServiceProcesses, waitReady } from './service-processes.ts';
import { formatSummary, summarizeProfile } from './top-functions.ts';
import { generateWorkload } from './workload.ts';
import { measureVisible } from './visible.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(root, 'test/bench/results');

async function main({ preset, profile, keep, reuseBroker }: BenchOptions): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const workload = generateWorkload(preset);
  const { counts } = workload;
  say(
    `preset ${workload.preset.name}: ${String(workload.preset.clusters)} clusters × ${String(workload.preset.unitsPerCluster)} units, ` +
      `${String(counts.submissions)} submissions (${String(counts.revisions)} revisions, ${String(counts.late)} late) ` +
      `over ${workload.periods.join(' and ')}, ${String(counts.setup)} setup commands, ` +
      `${String(counts.reviews)} reviews, ${String(counts.adjustments)} bonus/deduction items`,
  );

  const profileDir = join(resultsDir, 'profiles', `${preset.name}-${started.toString(36)}`);
  const services = new ServiceProcesses(root, profile ? profileDir : null);
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
      services.spawn('scoring', common, 'SCORING_HEALTH_PORT', await freePort()),
      services.spawn('ranking', common, 'RANKING_HEALTH_PORT', await freePort()),
      services.spawn('reporting', common, 'REPORTING_HEALTH_PORT', await freePort()),
    ];
    say('starting scoring, ranking and reporting…');
    await Promise.all(consumers.map(waitReady));
    const stopSampling = services.samplePeakRss();
    services.markCpu();
    const gatewayPort = await freePort();
    const gateway = services.spawn(
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
    const drain = await measureDrain(kafka, pool, namespace, workload, load, events.length, bare);
    stopSampling();
    const drainCpuMs = services.cpuSinceMark();
    const cpuMsPer1000Events = Object.fromEntries(
      Object.entries(drainCpuMs).map(([name, ms]) => [name, round((ms * 1000) / events.length, 0)]),
    );
    // Said at once: a later stage that fails ends the run before the table.
    say(`  CPU in the drain, ms per 1,000 contest events: ${JSON.stringify(cpuMsPer1000Events)}`);
    await waitReady(gateway);
    const rssMb = Object.fromEntries(services.all.map((s) => [s.name, round(s.peakRssMb, 0)]));
    const rssAtReadyMb = Object.fromEntries(
      services.all.map((s) => [s.name, round(s.readyRssMb, 0)]),
    );

    // 4. Query: the gateway's ranking query, then a bare yoga endpoint serving the same standings.
    const query = await measureQuery(workload, gatewayPort, root);

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
      drainCpuMs,
      cpuMsPer1000Events,
      notes: [
        'services run as separate processes from their compiled JavaScript (npm run build), as npm start runs them',
        'the workload is written to the gateway outbox with executeCommand before the relay starts; drain time runs from the first relayed batch (min outbox.sent_at) to the moment both ranking and reporting count every last version, checked every 250 ms',
        'visible: time from each submitResults response until a rankingChanged subscription (server-sent events, one per cluster) delivers standings with that submission',
        'rssMb: peak resident set size sampled every 200 ms during the drain',
        "drainCpuMs: each process's CPU time (user and system, from /proc) from the gateway's start to the end of the drain (the gateway's own start included); cpuMsPer1000Events divides it by the contest events",
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
    await services.stopAll();
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

const options = parseBenchOptions(process.argv.slice(2));
if ('error' in options) {
  process.stderr.write(`${options.error}\nusage: ${usage}\n`);
  process.exit(2);
}
main(options).then(
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
