import {
  clusterEnvironment,
  infraEnvironment,
  startLocalCluster,
  type LocalCluster,
} from '@thidua/infra';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Preset } from '../bench/workload.ts';
import { faultPreset } from '../fault/support/fault-workload.ts';
import { expectCleanOutcome, summarize } from '../fault/support/clean-outcome.ts';
import { printFigures } from '../fault/support/fault-figures.ts';
import { runWorkload, untilLoaded, type FaultRunResult } from '../fault/support/fault-run.ts';
import { testSettings } from '../support/database.ts';

// The fault suite's system (every consuming service and the gateway as processes of their own, two
// of each here) on a local three-broker KRaft cluster whose topics have three replicas and
// min.insync.replicas 2: one broker is SIGKILLed while submissions flow and started again later,
// then all three are restarted one after the other, each only once no partition is
// under-replicated. The outcome must equal a clean run's of the same workload on one broker.

/** A few thousand submissions and revisions over eight clusters. */
const clusterPreset: Preset = {
  ...faultPreset,
  name: 'cluster',
  clusters: 8,
  unitsPerCluster: 10,
  submissions: 2_000,
};
const loadSeconds = 45;
/** Ten service processes start at once, and the machine may be busy with other work. */
const readyTimeoutMs = 300_000;
/** A restarted node catching up while the system writes may take a while on a busy machine. */
const replicatedTimeoutMs = 300_000;

const testBegin = performance.now();
let cluster: LocalCluster | undefined;
let dataDir: string | undefined;
let reference: FaultRunResult | undefined;
let passed = false;

/** The last lines of each node's broker log, to explain a failed cluster run. */
function brokerLogTails(folder: string, lines = 20): string {
  return [1, 2, 3]
    .map((id) => {
      const file = join(folder, `node-${id}`, 'broker.log');
      const text = existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : '(no log)';
      return `--- broker node ${id} (${file})\n${text.split('\n').slice(-lines).join('\n')}`;
    })
    .join('\n');
}

beforeAll(async () => {
  // One after the other, the clean run on the integration setup's broker, then the three nodes:
  // together they would compete for the machine's two cores and slow each other into timeouts.
  reference = await runWorkload({
    settings: testSettings(),
    preset: clusterPreset,
    loadSeconds,
    readyTimeoutMs,
  });
  console.log(summarize('clean run on one broker', 0, reference));
  const folder = mkdtempSync(join(tmpdir(), 'thidua-cluster-'));
  dataDir = folder;
  cluster = await startLocalCluster({
    version: infraEnvironment.KAFKA_VERSION,
    cacheDir: infraEnvironment.KAFKA_CACHE_DIR,
    dataDir: folder,
    basePort: clusterEnvironment.CLUSTER_PORT,
    controllerBasePort: clusterEnvironment.CLUSTER_CONTROLLER_PORT,
    heap: clusterEnvironment.CLUSTER_HEAP,
  }).catch((error: unknown) => {
    throw new Error(
      `the three-node cluster did not start: ${String(error)}\n${brokerLogTails(folder)}`,
      {
        cause: error,
      },
    );
  });
}, 1_200_000);

afterAll(async () => {
  await cluster?.stopAll();
  if (dataDir === undefined) return;
  // Kept after a failure, so that the brokers' whole logs can be read.
  if (passed) rmSync(dataDir, { recursive: true, force: true });
  else console.error(`[cluster] broker data and logs kept in ${dataDir}`);
}, 120_000);

test('a broker killed mid-run and a rolling restart of all three cost no event and double none', async () => {
  if (cluster === undefined || dataDir === undefined || reference === undefined) {
    throw new Error('the clean run or the cluster did not start');
  }
  const nodes = cluster;
  const folder = dataDir;
  const strikes: string[] = [];
  const result = await runWorkload({
    settings: {
      ...testSettings(),
      KAFKA_BROKERS: nodes.brokers,
      KAFKA_REPLICATION_FACTOR: 3,
      KAFKA_MIN_INSYNC_REPLICAS: 2,
    },
    preset: clusterPreset,
    loadSeconds,
    instances: 2,
    gateways: 2,
    readyTimeoutMs,
    settleMs: 300_000,
    async fault(_system, progress) {
      await untilLoaded(progress, 0.25);
      await nodes.kill(2);
      strikes.push('node 2 SIGKILL');
      await untilLoaded(progress, 0.6);
      await nodes.restart(2);
      await nodes.waitFullyReplicated(replicatedTimeoutMs);
      strikes.push('node 2 restarted');
      for (const id of nodes.nodeIds) {
        await nodes.stop(id);
        await nodes.restart(id);
        await nodes.waitFullyReplicated(replicatedTimeoutMs);
        strikes.push(`node ${id} SIGTERM and restarted`);
      }
    },
  }).catch((error: unknown) => {
    const done = strikes.length === 0 ? 'none' : strikes.join(', ');
    throw new Error(`${String(error)}\n--- faults done: ${done}\n${brokerLogTails(folder)}`, {
      cause: error,
    });
  });
  expect(strikes).toEqual([
    'node 2 SIGKILL',
    'node 2 restarted',
    'node 1 SIGTERM and restarted',
    'node 2 SIGTERM and restarted',
    'node 3 SIGTERM and restarted',
  ]);
  expect(result.deaths).toEqual([]);
  expect(await nodes.underReplicated()).toBe(0);
  printFigures('three-broker run', {
    submissions: clusterPreset.submissions,
    'contest events': result.tally['contest events applied by scoring'] ?? 0,
    'events processed': result.events,
    'faults (1 SIGKILL, 3 SIGTERM)': 4,
    republished: result.republished,
    'dump hash, clean run': reference.dump.hashes.all,
    'dump hash, cluster run': result.dump.hashes.all,
    'clean run (s)': reference.seconds.toFixed(1),
    'cluster run (s)': result.seconds.toFixed(1),
    'whole test (s)': ((performance.now() - testBegin) / 1000).toFixed(1),
  });
  expectCleanOutcome('three brokers: one SIGKILLed, then a rolling restart', 4, result, reference);
  passed = true;
}, 1_500_000);
