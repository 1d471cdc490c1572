import { instant, makeEvent, periodId, type Actor } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, refuse, zodProblems, type Command } from './command.ts';
import { unlessManager } from './rights.ts';
import { yearOf } from '../period-year.ts';

/** Moves an open period's deadline; every counted submission's lateness is measured anew. */
export const setDeadline =
  (input: {
    clusterCode: string;
    periodId: string;
    deadline: string;
    actor: Actor;
  }): Command<{ clusterCode: string; periodId: string; deadline: string }> =>
  async ({ trx, now }) => {
    const deadline = instant.safeParse(input.deadline);
    if (!deadline.success) return invalid(zodProblems(deadline.error, 'deadline'));
    const period = periodId.safeParse(input.periodId);
    if (!period.success) return invalid(zodProblems(period.error, 'periodId'));
    const year = yearOf(period.data);
    const refused = await unlessManager(trx, input.actor, input.clusterCode, year);
    if (refused !== null) return refused;
    const moved = await trx
      .updateTable('periods')
      .set({ deadline: deadline.data })
      .where('cluster_code', '=', input.clusterCode)
      .where('period_id', '=', input.periodId)
      .where('status', '=', 'OPEN')
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) {
      return refuse({
        kind: 'NOT_FOUND',
        message: `no open period ${input.periodId} in ${input.clusterCode}`,
        messageVi: `Không có kỳ ${input.periodId} đang mở trong cụm ${input.clusterCode}`,
      });
    }
    return accept(
      { clusterCode: input.clusterCode, periodId: input.periodId, deadline: deadline.data },
      [
        makeEvent('DeadlineSet', {
          id: randomUUID(),
          occurredAt: now.toISOString(),
          source: 'gateway',
          clusterCode: input.clusterCode,
          causationId: null,
          data: { periodId: input.periodId, deadline: deadline.data },
        }),
      ],
      input.actor,
    );
  };
