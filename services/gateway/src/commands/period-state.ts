import { periodId as periodIdSchema } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';
import { yearOf } from '../period-year.ts';

/** What managing a cluster's period depends on: the cluster of the period's year and the period. */
export interface PeriodState {
  /** Null when the cluster is not defined for the period's year. */
  cluster: { lead: string | null } | null;
  /** Null when the period was never opened. */
  period: { status: 'OPEN' | 'CLOSED'; deadline: Date | string } | null;
}

/**
 * Loads a cluster's period and the cluster's definition for its year. The period row is locked, so
 * commands on one period (closing it, moving its deadline, numbering versions) run one at a time.
 * A malformed period id loads nothing; deciding refuses it before looking at the state.
 */
export async function loadPeriodState(
  trx: Transaction<GatewayDatabase>,
  clusterCode: string,
  periodId: string,
): Promise<PeriodState> {
  if (!periodIdSchema.safeParse(periodId).success) return { cluster: null, period: null };
  const cluster = await trx
    .selectFrom('clusters')
    .select('lead')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', yearOf(periodId))
    .executeTakeFirst();
  const period = await trx
    .selectFrom('periods')
    .select(['status', 'deadline'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', periodId)
    .forUpdate()
    .executeTakeFirst();
  return { cluster: cluster ?? null, period: period ?? null };
}
