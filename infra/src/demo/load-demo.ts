import { executeCommand, type GatewayDatabase } from '@thidua/gateway';
import type { Kysely } from 'kysely';
import { clusters2025 } from './clusters-2025.ts';
import { currentYear } from './current-year.ts';
import { cluster2, demoClusters } from './demo-clusters.ts';
import { demoYear } from './demo-year.ts';
import type { DemoStep } from './demo-step.ts';

/** Thrown when a demo command is refused: the demo data itself is wrong. */
export class DemoDataError extends Error {
  override readonly name = 'DemoDataError';
}

/**
 * Loads the demo calendar through the gateway's own commands (the same checks and outbox as the
 * GraphQL mutations), each at its historical moment. Does nothing when the demo is already there.
 * Returns the number of commands it ran.
 */
export async function loadDemo(db: Kysely<GatewayDatabase>): Promise<number> {
  const existing = await db
    .selectFrom('clusters')
    .select('cluster_code')
    .where('cluster_code', '=', cluster2.code)
    .where('year', '=', 2023)
    .executeTakeFirst();
  if (existing !== undefined) return 0;
  const steps: DemoStep[] = [
    ...demoClusters.flatMap(demoYear),
    ...clusters2025(),
    ...currentYear(),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const step of steps) {
    const result = await executeCommand(db, null, step.command, new Date(step.at));
    if (!result.ok) {
      throw new DemoDataError(
        `demo step at ${step.at} was refused: ${JSON.stringify(result.refusal)}`,
      );
    }
  }
  return steps.length;
}
