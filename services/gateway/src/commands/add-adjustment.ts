import {
  decimal,
  humanTextProblem,
  makeEvent,
  parseHundredths,
  schemeLimits,
  type SubmissionProblem,
  type Actor,
} from '@thidua/schema';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  problem,
  refuse,
  zodProblems,
  type Decide,
} from './command.ts';
import { checkScoredUnit, loadScoredUnit, type ScoredUnitState } from './scored-unit.ts';
import { actorCode } from '../auth/viewer.ts';

export interface AdjustmentInput {
  unitCode: string;
  periodId: string;
  points: string;
  reason: string;
  addedBy: Actor;
}

export type AdjustmentCommand = AdjustmentInput & {
  kind: 'BONUS' | 'DEDUCTION';
  disqualifying?: boolean | null;
};

/** The unit's period as reviewing it needs, and how many items of the kind it already has. */
export type AdjustmentState = ScoredUnitState & { items: number };

/**
 * Adds a bonus item, or a deduction item (optionally disqualifying), to a unit's period. Each item
 * gets its own id: the same reason twice is two items.
 */
export const decideAddAdjustment: Decide<
  AdjustmentCommand,
  AdjustmentState,
  { itemId: string; unitCode: string; periodId: string }
> = (input, state, context) => {
  const { kind } = input;
  const found = checkScoredUnit({ ...input, actor: input.addedBy }, state);
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
  if (state.items >= limit) {
    const what = kind === 'BONUS' ? 'bonus' : 'deduction';
    const whatVi = kind === 'BONUS' ? 'cộng điểm' : 'trừ điểm';
    return refuse({
      kind: 'CONFLICT',
      message: `${input.unitCode} already has ${limit} ${what} items in ${input.periodId}, the most a unit may get in a period`,
      messageVi: `Đơn vị ${input.unitCode} đã có ${limit} khoản ${whatVi} trong kỳ ${input.periodId}, là số tối đa một đơn vị được nhận trong một kỳ`,
    });
  }
  const base = eventHeader(context, found.membership.clusterCode);
  const itemId = context.newId();
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

/**
 * The count of items of the kind is loaded with its row locked, so concurrent items of one unit are
 * counted one at a time and never pass the limit together.
 */
const addItem = commandOf(async (trx, command: AdjustmentCommand): Promise<AdjustmentState> => {
  const state = await loadScoredUnit(trx, command);
  if (state.membership === null) return { ...state, items: 0 };
  const counted = await trx
    .selectFrom('adjustment_items')
    .select('items')
    .where('cluster_code', '=', state.membership.clusterCode)
    .where('period_id', '=', command.periodId)
    .where('unit_code', '=', command.unitCode)
    .where('kind', '=', command.kind)
    .forUpdate()
    .executeTakeFirst();
  return { ...state, items: counted?.items ?? 0 };
}, decideAddAdjustment);

export const addAdjustment = (
  kind: 'BONUS' | 'DEDUCTION',
  input: AdjustmentInput & { disqualifying?: boolean | null },
) => addItem({ ...input, kind });
