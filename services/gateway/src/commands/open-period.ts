import { instant, makeEvent, periodId as periodIdSchema, type Actor } from '@thidua/schema';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  refuse,
  zodProblems,
  type Decide,
} from './command.ts';
import { clusterNotDefined } from './membership.ts';
import { loadPeriodState, type PeriodState } from './period-state.ts';
import { unlessManager } from './rights.ts';
import { yearOf } from '../period-year.ts';

export interface OpenPeriodInput {
  clusterCode: string;
  periodId: string;
  /** An ISO instant with its offset, e.g. 2023-07-10T17:00:00+07:00 (Asia/Ho_Chi_Minh). */
  deadline: string;
  actor: Actor;
}

type PeriodOpenedValue = { clusterCode: string; periodId: string; deadline: string };

/** Opens a period of a cluster for submissions, with its deadline, unless it was opened before. */
export const decideOpenPeriod: Decide<OpenPeriodInput, PeriodState, PeriodOpenedValue> = (
  input,
  state,
  context,
) => {
  const period = periodIdSchema.safeParse(input.periodId);
  const deadline = instant.safeParse(input.deadline);
  if (!period.success || !deadline.success) {
    return invalid([
      ...(period.success ? [] : zodProblems(period.error, 'periodId')),
      ...(deadline.success ? [] : zodProblems(deadline.error, 'deadline')),
    ]);
  }
  const year = yearOf(period.data);
  if (state.cluster === null) {
    return invalid([clusterNotDefined(input.clusterCode, year)]);
  }
  const refused = unlessManager(input.actor, { ...input, year, lead: state.cluster.lead });
  if (refused !== null) return refused;
  if (state.period !== null) {
    return refuse({
      kind: 'CONFLICT',
      message: `period ${period.data} of ${input.clusterCode} is already ${state.period.status.toLowerCase()}`,
      messageVi: `Kỳ ${period.data} của ${input.clusterCode} đã được mở trước đó`,
    });
  }
  return accept(
    { clusterCode: input.clusterCode, periodId: period.data, deadline: deadline.data },
    [
      makeEvent('PeriodOpened', {
        ...eventHeader(context, input.clusterCode),
        data: { periodId: period.data, deadline: deadline.data },
      }),
    ],
    input.actor,
  );
};

export const openPeriod = commandOf(
  (trx, input: OpenPeriodInput) => loadPeriodState(trx, input.clusterCode, input.periodId),
  decideOpenPeriod,
);
