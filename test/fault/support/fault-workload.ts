import { centralBoard, closePeriod, executeCommand, type GatewayDatabase } from '@thidua/gateway';
import type { Kysely } from 'kysely';
import { generateWorkload, type Preset, type Workload } from '../../bench/workload.ts';

/**
 * The reference workload of the fault suite: four clusters (so that data lands on four of the six
 * partitions, and each of two instances of a service holds some), both periods, a few hundred
 * submissions and revisions with reviews and bonus or deduction items. Both periods are closed at
 * the end so that awards draws up its sheets and reporting counts them.
 */
export const faultPreset: Preset = {
  name: 'fault',
  clusters: 4,
  unitsPerCluster: 6,
  submissions: 200,
  lateShare: 0.05,
  pledgeShare: 0.3,
  reviewShare: 0.4,
  querySeconds: 0,
  visibleRate: 0,
  visibleSeconds: 0,
  seed: 11,
};

/** The bench's workload of the preset, plus the closing of each period after its last step. */
export function faultWorkload(preset: Preset = faultPreset): Workload {
  const workload = generateWorkload(preset);
  const closings = [
    { periodId: `${workload.year}-H1`, at: `${workload.year}-07-31T17:00:00+07:00` },
    { periodId: `${workload.year}-FY`, at: `${workload.year}-12-31T17:00:00+07:00` },
  ];
  for (const [clusterCode, steps] of workload.steps) {
    for (const { periodId, at } of closings) {
      steps.push({
        at: new Date(at),
        clusterCode,
        kind: 'setup',
        command: closePeriod({ clusterCode, periodId, actor: centralBoard('test-central') }),
      });
      workload.counts.setup += 1;
    }
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  return workload;
}

export interface LoadProgress {
  /** Commands run so far. */
  done: number;
  total: number;
}

/**
 * Runs the workload through the gateway's own commands, each at its moment, as run-bench does,
 * but paced over `seconds` so that the services work through many small batches while a fault
 * strikes. Clusters run in parallel, each in its order. Rejects on the first refused command.
 */
export async function loadWorkload(
  db: Kysely<GatewayDatabase>,
  workload: Workload,
  seconds: number,
  progress: LoadProgress,
): Promise<void> {
  const lists = [...workload.steps.values()];
  progress.total = lists.reduce((n, steps) => n + steps.length, 0);
  const begin = performance.now();
  await Promise.all(
    lists.map(async (steps) => {
      for (const [i, step] of steps.entries()) {
        const due = begin + (i / steps.length) * seconds * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const result = await executeCommand(db, null, step.command, step.at);
        if (!result.ok) {
          throw new Error(
            `${step.kind} of ${step.clusterCode} refused: ${JSON.stringify(result.refusal)}`,
          );
        }
        progress.done += 1;
      }
    }),
  );
}
