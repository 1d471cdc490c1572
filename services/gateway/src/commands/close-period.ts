import { makeEvent, periodId, type Actor } from '@thidua/schema';
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
