import { periodId as periodIdSchema, type Actor } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';
import { yearOf } from '../period-year.ts';
import { refuse, type CommandResult } from './command.ts';
import { findCluster } from './membership.ts';
import { unlessManager } from './rights.ts';

/** What managing a cluster's period depends on: the cluster of the period's year and the period. */
export interface PeriodState {
  /** Null when the cluster is not defined for the period's year. */
  cluster: { lead: string | null } | null;
  /**
   * Null when the period was never opened; `openedAt` is unknown (null) for periods opened before
   * it was kept, and left out where a command does not need it.
   */
  period: {
    status: 'OPEN' | 'CLOSED';
    deadline: Date | string;
    openedAt?: Date | string | null;
  } | null;
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
  const cluster = await findCluster(trx, clusterCode, yearOf(periodId));
  const period = await trx
    .selectFrom('periods')
    .select(['status', 'deadline'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', periodId)
    .forUpdate()
    .executeTakeFirst();
  return { cluster, period: period ?? null };
}

/**
 * Why the caller may not manage the period (neither the central board nor the year's lead), or why
 * there is nothing to manage (the period is not open); null when they may act on it.
 */
export function unlessManagingOpenPeriod(
  input: { clusterCode: string; periodId: string; actor: Actor },
  year: number,
  state: PeriodState,
): CommandResult<never> | null {
  const lead = state.cluster?.lead ?? null;
  const refused = unlessManager(input.actor, { clusterCode: input.clusterCode, year, lead });
  if (refused !== null) return refused;
  if (state.period?.status === 'OPEN') return null;
  return refuse({
    kind: 'NOT_FOUND',
    message: `no open period ${input.periodId} in ${input.clusterCode}`,
    messageVi: `Không có kỳ ${input.periodId} đang mở trong cụm ${input.clusterCode}`,
  });
}
