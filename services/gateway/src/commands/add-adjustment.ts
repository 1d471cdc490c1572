import {
  decimal,
  humanTextProblem,
  makeEvent,
  parseHundredths,
  schemeLimits,
  type SubmissionProblem,
  type Actor,
} from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, problem, refuse, zodProblems, type Command } from './command.ts';
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
    else if (found.ok && parseHundredths(points.data) > parseHundredths(found.scheme.maxTotal)) {
      // One item can at most wipe out a whole scorecard; with the count bound below, this keeps
      // the scorecard's sums valid figures (schemeLimits).
      problems.push(
        problem(
          'points',
          `an item is worth at most the scheme's maxTotal ${found.scheme.maxTotal}, got ${points.data}`,
          `Mỗi khoản cộng hoặc trừ điểm không được vượt quá tổng điểm tối đa ${found.scheme.maxTotal} của bảng điểm, đã nhập ${points.data}`,
        ),
      );
    }
    const unreadable = humanTextProblem(input.reason, 'reason');
    if (unreadable !== null) problems.push({ path: 'reason', ...unreadable });
    if (!found.ok || !points.success || problems.length > 0) return invalid(problems);
    const limit = schemeLimits.itemsPerUnitAndPeriod;
    // One statement that counts the item only while under the limit: concurrent items of the same
    // unit wait on its row, so they can never pass the limit together.
    const counted = await trx
      .insertInto('adjustment_items')
      .values({
        cluster_code: found.membership.clusterCode,
        period_id: input.periodId,
        unit_code: input.unitCode,
        kind,
        items: 1,
      })
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'period_id', 'unit_code', 'kind'])
          .doUpdateSet((eb) => ({ items: eb('adjustment_items.items', '+', 1) }))
          .where('adjustment_items.items', '<', limit),
      )
      .returning('items')
      .executeTakeFirst();
    if (counted === undefined) {
      const what = kind === 'BONUS' ? 'bonus' : 'deduction';
      const whatVi = kind === 'BONUS' ? 'cộng điểm' : 'trừ điểm';
      return refuse({
        kind: 'CONFLICT',
        message: `${input.unitCode} already has ${limit} ${what} items in ${input.periodId}, the most a unit may get in a period`,
        messageVi: `Đơn vị ${input.unitCode} đã có ${limit} khoản ${whatVi} trong kỳ ${input.periodId}, là số tối đa một đơn vị được nhận trong một kỳ`,
      });
    }
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
