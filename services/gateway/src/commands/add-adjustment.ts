import { decimal, makeEvent, type SubmissionProblem, type Actor } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, problem, zodProblems, type Command } from './command.ts';
import { findScoredUnit } from './scored-unit.ts';
import { actorCode } from '../auth/viewer.ts';

export interface AdjustmentInput {
  unitCode: string;
  periodId: string;
  points: string;
  reason: string;
  addedBy: Actor;
}

/**
 * Adds a bonus item, or a deduction item (optionally disqualifying), to a unit's period. Each item
 * gets its own id: the same reason twice is two items.
 */
export const addAdjustment =
  (
    kind: 'BONUS' | 'DEDUCTION',
    input: AdjustmentInput & { disqualifying?: boolean | null },
  ): Command<{ itemId: string; unitCode: string; periodId: string }> =>
  async ({ trx, now }) => {
    const found = await findScoredUnit(trx, { ...input, actor: input.addedBy });
    if (!found.ok && found.forbidden !== null) return found.forbidden;
    const problems: SubmissionProblem[] = found.ok ? [] : [...found.problems];
    const points = decimal.safeParse(input.points);
    if (!points.success) problems.push(...zodProblems(points.error, 'points'));
    if (input.reason.trim() === '') {
      problems.push(
        problem('reason', 'an item needs a reason', 'Cần nêu lý do cộng hoặc trừ điểm'),
      );
    }
    if (!found.ok || !points.success || problems.length > 0) return invalid(problems);
    const itemId = randomUUID();
    const base = {
      id: randomUUID(),
      occurredAt: now.toISOString(),
      source: 'gateway',
      clusterCode: found.membership.clusterCode,
      causationId: null,
    };
    const item = {
      itemId,
      unitCode: input.unitCode,
      periodId: input.periodId,
      points: points.data,
      reason: input.reason.trim(),
      addedBy: actorCode(input.addedBy),
    };
    const event =
      kind === 'BONUS'
        ? makeEvent('BonusAdded', { ...base, data: item })
        : makeEvent('DeductionAdded', {
            ...base,
            data: { ...item, disqualifying: input.disqualifying ?? false },
          });
    return accept(
      { itemId, unitCode: input.unitCode, periodId: input.periodId },
      [event],
      input.addedBy,
    );
  };
