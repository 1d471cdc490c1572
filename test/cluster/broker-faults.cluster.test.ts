import {
  clusterEnvironment,
  infraEnvironment,
  startLocalCluster,
  type LocalCluster,
} from '@thidua/infra';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Preset } from '../bench/workload.ts';
import { faultPreset } from '../fault/support/fault-workload.ts';
import { expectCleanOutcome, summarize } from '../fault/support/clean-outcome.ts';
import { printFigures } from '../fault/support/fault-figures.ts';
import { runWorkload, untilLoaded, type FaultRunResult } from '../fault/support/fault-run.ts';
import { testSettings } from '../support/system.ts';

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

let cluster: LocalCluster | undefined;
let dataDir: string;
let referenceRun: Promise<FaultRunResult>;

beforeAll(async () => {
  // The clean run on the integration setup's broker goes on while the three nodes start.
  referenceRun = runWorkload({ settings: testSettings(), preset: clusterPreset, loadSeconds });
  referenceRun.catch(() => undefined);
  dataDir = mkdtempSync(join(tmpdir(), 'thidua-cluster-'));
  cluster = await startLocalCluster({
    version: infraEnvironment.KAFKA_VERSION,
    cacheDir: infraEnvironment.KAFKA_CACHE_DIR,
    dataDir,
    basePort: clusterEnvironment.CLUSTER_PORT,
    controllerBasePort: clusterEnvironment.CLUSTER_CONTROLLER_PORT,
    heap: clusterEnvironment.CLUSTER_HEAP,
  });
}, 600_000);

afterAll(async () => {
  await cluster?.stopAll();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

test('a broker killed mid-run and a rolling restart of all three cost no event and double none', async () => {
  const begin = performance.now();
  const reference = await referenceRun;
  console.log(summarize('clean run on one broker', 0, reference));

  const strikes: string[] = [];
  if (cluster === undefined) throw new Error('the cluster did not start');
  const nodes = cluster;
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
    settleMs: 300_000,
    async fault(_system, progress) {
      await untilLoaded(progress, 0.25);
      await nodes.kill(2);
      strikes.push('node 2 SIGKILL');
      await untilLoaded(progress, 0.6);
      await nodes.restart(2);
      await nodes.waitFullyReplicated(180_000);
      strikes.push('node 2 restarted');
      for (const id of nodes.nodeIds) {
        await nodes.stop(id);
        await nodes.restart(id);
        await nodes.waitFullyReplicated(180_000);
        strikes.push(`node ${id} SIGTERM and restarted`);
      }
    },
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
    'contest events': result.tally['contest events applied by scoring'] ?? 0,
    'events processed': result.events,
    'faults (1 SIGKILL, 3 SIGTERM)': 4,
    republished: result.republished,
    'clean run (s)': reference.seconds.toFixed(1),
    'cluster run (s)': result.seconds.toFixed(1),
    'whole test (s)': ((performance.now() - begin) / 1000).toFixed(1),
  });
  expectCleanOutcome('three brokers: one SIGKILLed, then a rolling restart', 4, result, reference);
}, 1_500_000);
