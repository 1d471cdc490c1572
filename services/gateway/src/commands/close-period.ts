import { makeEvent, periodId, type Actor } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, refuse, zodProblems, type Command } from './command.ts';
import { unlessManager } from './rights.ts';
import { yearOf } from '../period-year.ts';

/** Closes an open period; submissions after this are refused. */
export const closePeriod =
  (input: {
    clusterCode: string;
    periodId: string;
    actor: Actor;
  }): Command<{ clusterCode: string; periodId: string }> =>
  async ({ trx, now }) => {
    const period = periodId.safeParse(input.periodId);
    if (!period.success) return invalid(zodProblems(period.error, 'periodId'));
    const year = yearOf(period.data);
    const refused = await unlessManager(trx, input.actor, input.clusterCode, year);
    if (refused !== null) return refused;
    const closed = await trx
      .updateTable('periods')
      .set({ status: 'CLOSED' })
      .where('cluster_code', '=', input.clusterCode)
      .where('period_id', '=', input.periodId)
      .where('status', '=', 'OPEN')
      .executeTakeFirst();
    if (closed.numUpdatedRows === 0n) {
      return refuse({
        kind: 'NOT_FOUND',
        message: `no open period ${input.periodId} in ${input.clusterCode}`,
        messageVi: `Không có kỳ ${input.periodId} đang mở trong cụm ${input.clusterCode}`,
      });
    }
    return accept(
      { clusterCode: input.clusterCode, periodId: input.periodId },
      [
        makeEvent('PeriodClosed', {
          id: randomUUID(),
          occurredAt: now.toISOString(),
          source: 'gateway',
          clusterCode: input.clusterCode,
          causationId: null,
          data: { periodId: input.periodId },
        }),
      ],
      input.actor,
    );
  };
