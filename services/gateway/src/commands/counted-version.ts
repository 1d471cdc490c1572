import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';

export interface CountedVersion {
  version: number;
  indicators: Record<string, string> | null;
  returnedAt: Date | null;
}

/**
 * The counted (latest) version of a unit's results for a period. Callers have checked, through
 * findScoredUnit, that the unit has submitted.
 */
export async function countedVersion(
  trx: Transaction<GatewayDatabase>,
  clusterCode: string,
  of: { unitCode: string; periodId: string },
): Promise<CountedVersion> {
  const row = await trx
    .selectFrom('submissions')
    .select(['version', 'indicators', 'returned_at'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', of.periodId)
    .where('unit_code', '=', of.unitCode)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { version: row.version, indicators: row.indicators, returnedAt: row.returned_at };
}
