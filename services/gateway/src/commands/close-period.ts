import { makeEvent, periodId, type Actor } from '@thidua/schema';
import { accept, commandOf, eventHeader, invalid, zodProblems, type Decide } from './command.ts';
import { loadPeriodState, unlessManagingOpenPeriod, type PeriodState } from './period-state.ts';
import { yearOf } from '../period-year.ts';

export interface ClosePeriodInput {
  clusterCode: string;
  periodId: string;
  actor: Actor;
}

/** Closes an open period; submissions after this are refused. */
export const decideClosePeriod: Decide<
  ClosePeriodInput,
  PeriodState,
  { clusterCode: string; periodId: string }
> = (input, state, context) => {
  const period = periodId.safeParse(input.periodId);
  if (!period.success) return invalid(zodProblems(period.error, 'periodId'));
  const refused = unlessManagingOpenPeriod(input, yearOf(period.data), state);
  if (refused !== null) return refused;
  return accept(
    { clusterCode: input.clusterCode, periodId: input.periodId },
    [
      makeEvent('PeriodClosed', {
        ...eventHeader(context, input.clusterCode),
        data: { periodId: input.periodId },
      }),
    ],
    input.actor,
  );
};

export const closePeriod = commandOf(
  (trx, input: ClosePeriodInput) => loadPeriodState(trx, input.clusterCode, input.periodId),
  decideClosePeriod,
);
