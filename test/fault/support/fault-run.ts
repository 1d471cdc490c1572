import type { ReadModelDump } from '@thidua/infra';
import {
  eventsProcessed,
  gatewayContestIds,
  republished,
  tallyOf,
  type Tally,
} from './delivery-tally.ts';
import type { Preset } from '../../bench/workload.ts';
import { faultWorkload, loadWorkload, type LoadProgress } from './fault-workload.ts';
import {
  startProcessSystem,
  type Death,
  type ProcessSystem,
  type ProcessSystemOptions,
} from './process-system.ts';
import { settledDump } from './settled-dump.ts';

export interface FaultRunOptions extends ProcessSystemOptions {
  /** Over how long the workload's commands are spread. */
  loadSeconds?: number;
  /** The workload's shape (the fault suite's few hundred submissions unless given). */
  preset?: Preset;
  /** Runs while the workload is being loaded and processed; strikes when it sees fit. */
  fault?: (system: ProcessSystem, progress: LoadProgress) => Promise<void>;
  /** How long the system may take to take in everything once the fault is over. */
  settleMs?: number;
}

export interface FaultRunResult {
  dump: ReadModelDump;
  tally: Tally;
  /** Events the four consuming services recorded as processed. */
  events: number;
  /** Messages published again after a crash (to be dropped by event id). */
  republished: number;
  deaths: Death[];
  restarts: number;
  seconds: number;
}

/** Resolves once the loader has run `share` of the workload's commands. */
export async function untilLoaded(progress: LoadProgress, share: number): Promise<void> {
  while (progress.total === 0 || progress.done < share * progress.total) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * One run of the reference workload against a system of processes: start, load (with the fault
 * alongside), wait until every event has gone all the way through, then read the final state.
 */
export async function runWorkload(options: FaultRunOptions): Promise<FaultRunResult> {
  const { loadSeconds = 8, fault, settleMs = 90_000 } = options;
  const begin = performance.now();
  const system = await startProcessSystem(options);
  try {
    const progress: LoadProgress = { done: 0, total: 0 };
    const workload = faultWorkload(options.preset);
    await Promise.all([
      loadWorkload(system.gatewayDb, workload, loadSeconds, progress),
      fault?.(system, progress),
    ]);
    const namespace = options.settings.TOPIC_NAMESPACE;
    const dump = await settledDump(system.db, system.admin, namespace, { timeoutMs: settleMs });
    return {
      dump,
      tally: await tallyOf(system.db, await gatewayContestIds(system.db)),
      events: await eventsProcessed(system.db),
      republished: await republished(system.db, system.admin, namespace),
      deaths: [...system.deaths],
      restarts: system.restarts,
      seconds: (performance.now() - begin) / 1000,
    };
  } catch (error) {
    const tails = [
      ...system.deaths.map((d) => `--- ${d.label} died (${JSON.stringify(d.exit)})\n${d.tail}`),
      ...system.processes.map((p) => `--- ${p.label}\n${p.tail()}`),
    ].join('\n');
    throw new Error(`${String(error)}\n${tails}`, { cause: error });
  } finally {
    await system.stop();
  }
}
