import {
  centralBoard,
  closePeriod,
  executeCommand,
  type Command,
  type GatewayDatabase,
} from '@thidua/gateway';
import { loadDemo } from '@thidua/infra';
import type { Kysely } from 'kysely';
import { generateWorkload, type Preset } from '../../bench/workload.ts';

/**
 * The bench's generator at a few hundred contest events: three clusters of eight units, both
 * periods, revisions, late units, pledges, reviews and bonus or deduction items. Its year (2026)
 * is apart from the demo's (2023 and 2025), so the two load side by side.
 */
export const replayPreset: Preset = {
  name: 'fault-replay',
  clusters: 3,
  unitsPerCluster: 8,
  submissions: 160,
  lateShare: 0.06,
  pledgeShare: 0.3,
  reviewShare: 0.5,
  querySeconds: 0,
  visibleRate: 0,
  visibleSeconds: 0,
  seed: 23,
};
const workloadYear = 2026;

/**
 * Loads the demo (every event type, award sheets and summaries) and the generated workload through
 * the gateway's own commands, each at its moment; the workload's periods are closed at the end so
 * that awards and reporting have their say on it too. Returns how many commands ran.
 */
export async function loadReferenceWorkload(db: Kysely<GatewayDatabase>): Promise<number> {
  const demoCommands = await loadDemo(db);
  const workload = generateWorkload(replayPreset, workloadYear);
  const steps: { at: Date; command: Command<unknown> }[] = [...workload.steps.values()].flat();
  for (const { code } of workload.clusters) {
    for (const [periodId, at] of [
      [`${workloadYear}-H1`, `${workloadYear}-07-31T17:00:00+07:00`],
      [`${workloadYear}-FY`, `${workloadYear}-12-31T17:00:00+07:00`],
    ] as const) {
      steps.push({
        at: new Date(at),
        command: closePeriod({ clusterCode: code, periodId, actor: centralBoard('test-central') }),
      });
    }
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { at, command } of steps) {
    const result = await executeCommand(db, null, command, at);
    if (!result.ok) throw new Error(`a workload command was refused: ${JSON.stringify(result)}`);
  }
  return demoCommands + steps.length;
}
