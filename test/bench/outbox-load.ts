import { executeCommand, type GatewayDatabase } from '@thidua/gateway';
import type { Kysely } from 'kysely';
import { fail, say } from './bench-log.ts';
import type { Workload } from './workload.ts';

export interface OutboxLoad {
  commands: number;
  refused: number;
  seconds: number;
  perSec: number;
}

/**
 * Runs every command of the workload through the gateway's executeCommand, clusters in parallel,
 * into the gateway's outbox (not timed as a measure: the relay only publishes it later).
 */
export async function loadOutbox(
  db: Kysely<GatewayDatabase>,
  workload: Workload,
): Promise<OutboxLoad> {
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
