import { humanTextProblem, makeEvent, type Actor, type SubmissionProblem } from '@thidua/schema';
import { actorCode } from '../auth/viewer.ts';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  problem,
  refuse,
  type Decide,
} from './command.ts';
import { checkScoredUnit, loadScoredUnit, type ScoredUnitState } from './scored-unit.ts';

export interface ReturnSubmissionInput {
  unitCode: string;
  periodId: string;
  reason: string;
  returnedBy: Actor;
}

export interface SubmissionReturnAccepted {
  unitCode: string;
  periodId: string;
  version: number;
  reason: string;
  returnedAt: string;
}

/**
 * Returns a unit's counted submission for explanation (giải trình), with a reason (SCORING.md §3).
 * The version keeps counting, marked as returned, until the unit submits a new one, so the period
 * must still be open; a version already returned waits for that new one.
 */
export const decideReturnSubmission: Decide<
  ReturnSubmissionInput,
  ScoredUnitState,
  SubmissionReturnAccepted
> = (input, state, context) => {
  const found = checkScoredUnit({ ...input, actor: input.returnedBy }, state);
  if (!found.ok) return found.forbidden ?? invalid(found.problems);
  const { clusterCode } = found.membership;
  const { counted } = found;
  const problems: SubmissionProblem[] = [];
  if (state.period?.status !== 'OPEN') {
    problems.push(
      problem(
        'periodId',
        `period ${input.periodId} is not open, so ${input.unitCode} could not submit again`,
        `Kỳ ${input.periodId} không còn mở nên đơn vị ${input.unitCode} không thể gửi lại báo cáo`,
      ),
    );
  }
  const reason = input.reason.trim();
  const unreadable = humanTextProblem(input.reason, 'reason');
  if (unreadable !== null) problems.push({ path: 'reason', ...unreadable });
  if (problems.length > 0) return invalid(problems);
  if (counted.returnedAt !== null) {
    return refuse({
      kind: 'CONFLICT',
      message: `version ${counted.version} of ${input.unitCode} is already returned; it waits for a new version`,
      messageVi: `Phiên bản ${counted.version} của đơn vị ${input.unitCode} đã được trả lại, đang chờ đơn vị gửi lại`,
    });
  }

  const returnedBy = actorCode(input.returnedBy);
  const returnedAt = context.now.toISOString();
  return accept(
    {
      unitCode: input.unitCode,
      periodId: input.periodId,
      version: counted.version,
      reason,
      returnedAt,
    },
    [
      makeEvent('SubmissionReturned', {
        ...eventHeader(context, clusterCode),
        data: {
          unitCode: input.unitCode,
          periodId: input.periodId,
          submissionVersion: counted.version,
          reason,
          returnedBy,
        },
      }),
    ],
    input.returnedBy,
  );
};

/** Locks the period row as a submission does, so a return and a new version never cross. */
export const returnSubmission = commandOf(
  (trx, input: ReturnSubmissionInput) => loadScoredUnit(trx, input, { lockPeriod: true }),
  decideReturnSubmission,
);
