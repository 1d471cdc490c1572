import { instant, makeEvent, periodId, type Actor } from '@thidua/schema';
import { accept, commandOf, eventHeader, invalid, zodProblems, type Decide } from './command.ts';
import { loadPeriodState, unlessManagingOpenPeriod, type PeriodState } from './period-state.ts';
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
  const refused = unlessManagingOpenPeriod(input, yearOf(period.data), state);
  if (refused !== null) return refused;
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
