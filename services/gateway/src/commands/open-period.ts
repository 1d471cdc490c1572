import { instant, makeEvent, periodId as periodIdSchema, type Actor } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, problem, refuse, zodProblems, type Command } from './command.ts';
import { unlessManager } from './rights.ts';
import { yearOf } from '../period-year.ts';

export interface OpenPeriodInput {
  clusterCode: string;
  periodId: string;
  /** An ISO instant with its offset, e.g. 2023-07-10T17:00:00+07:00 (Asia/Ho_Chi_Minh). */
  deadline: string;
  actor: Actor;
}

/** Opens a period of a cluster for submissions, with its deadline. */
export const openPeriod =
  (input: OpenPeriodInput): Command<{ clusterCode: string; periodId: string; deadline: string }> =>
  async ({ trx, now }) => {
    const period = periodIdSchema.safeParse(input.periodId);
    const deadline = instant.safeParse(input.deadline);
    if (!period.success || !deadline.success) {
      return invalid([
        ...(period.success ? [] : zodProblems(period.error, 'periodId')),
        ...(deadline.success ? [] : zodProblems(deadline.error, 'deadline')),
      ]);
    }
    const year = yearOf(period.data);
    const cluster = await trx
      .selectFrom('clusters')
      .select('cluster_code')
      .where('cluster_code', '=', input.clusterCode)
      .where('year', '=', year)
      .executeTakeFirst();
    if (cluster === undefined) {
      return invalid([
        problem(
          'clusterCode',
          `cluster ${input.clusterCode} is not defined for ${year}`,
          `Cụm ${input.clusterCode} chưa được xác lập cho năm ${year}`,
        ),
      ]);
    }
    const refused = await unlessManager(trx, input.actor, input.clusterCode, year);
    if (refused !== null) return refused;
    const existing = await trx
      .selectFrom('periods')
      .select('status')
      .where('cluster_code', '=', input.clusterCode)
      .where('period_id', '=', period.data)
      .executeTakeFirst();
    if (existing !== undefined) {
      return refuse({
        kind: 'CONFLICT',
        message: `period ${period.data} of ${input.clusterCode} is already ${existing.status.toLowerCase()}`,
        messageVi: `Kỳ ${period.data} của ${input.clusterCode} đã được mở trước đó`,
      });
    }
    await trx
      .insertInto('periods')
      .values({
        cluster_code: input.clusterCode,
        period_id: period.data,
        deadline: deadline.data,
        status: 'OPEN',
      })
      .execute();
    return accept(
      { clusterCode: input.clusterCode, periodId: period.data, deadline: deadline.data },
      [
        makeEvent('PeriodOpened', {
          id: randomUUID(),
          occurredAt: now.toISOString(),
          source: 'gateway',
          clusterCode: input.clusterCode,
          causationId: null,
          data: { periodId: period.data, deadline: deadline.data },
        }),
      ],
      input.actor,
    );
  };
