import { humanTextProblem, makeEvent, type Actor, type SubmissionProblem } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { actorCode } from '../auth/viewer.ts';
import { accept, invalid, problem, refuse, type Command } from './command.ts';
import { countedVersion } from './counted-version.ts';
import { findScoredUnit } from './scored-unit.ts';

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
export const returnSubmission =
  (input: ReturnSubmissionInput): Command<SubmissionReturnAccepted> =>
  async ({ trx, now }) => {
    const found = await findScoredUnit(trx, { ...input, actor: input.returnedBy });
    if (!found.ok) return found.forbidden ?? invalid(found.problems);
    const { clusterCode } = found.membership;
    // Locks the period row as a submission does, so a return and a new version never cross.
    const period = await trx
      .selectFrom('periods')
      .select('status')
      .where('cluster_code', '=', clusterCode)
      .where('period_id', '=', input.periodId)
      .forUpdate()
      .executeTakeFirst();
    const counted = await countedVersion(trx, clusterCode, input);
    const problems: SubmissionProblem[] = [];
    if (period?.status !== 'OPEN') {
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
    const returnedAt = now.toISOString();
    await trx
      .updateTable('submissions')
      .set({ returned_reason: reason, returned_by: returnedBy, returned_at: returnedAt })
      .where('cluster_code', '=', clusterCode)
      .where('period_id', '=', input.periodId)
      .where('unit_code', '=', input.unitCode)
      .where('version', '=', counted.version)
      .execute();
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
          id: randomUUID(),
          occurredAt: returnedAt,
          source: 'gateway',
          clusterCode,
          causationId: null,
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
