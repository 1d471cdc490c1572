import { instant, makeEvent, periodId, type Actor } from '@thidua/schema';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  refuse,
  zodProblems,
  type Decide,
} from './command.ts';
import { loadPeriodState, type PeriodState } from './period-state.ts';
import { unlessManager } from './rights.ts';
import { yearOf } from '../period-year.ts';

export interface SetDeadlineInput {
  clusterCode: string;
  periodId: string;
  deadline: string;
  actor: Actor;
}

/** Moves an open period's deadline; every counted submission's lateness is measured anew. */
export const decideSetDeadline: Decide<
  SetDeadlineInput,
  PeriodState,
  { clusterCode: string; periodId: string; deadline: string }
> = (input, state, context) => {
  const deadline = instant.safeParse(input.deadline);
  if (!deadline.success) return invalid(zodProblems(deadline.error, 'deadline'));
  const period = periodId.safeParse(input.periodId);
  if (!period.success) return invalid(zodProblems(period.error, 'periodId'));
  const year = yearOf(period.data);
  const refused = unlessManager(input.actor, { ...input, year, lead: state.cluster?.lead ?? null });
  if (refused !== null) return refused;
  if (state.period?.status !== 'OPEN') {
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
        ...eventHeader(context, input.clusterCode),
        data: { periodId: input.periodId, deadline: deadline.data },
      }),
    ],
    input.actor,
  );
};

export const setDeadline = commandOf(
  (trx, input: SetDeadlineInput) => loadPeriodState(trx, input.clusterCode, input.periodId),
  decideSetDeadline,
);
