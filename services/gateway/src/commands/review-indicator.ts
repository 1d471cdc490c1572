import {
  decimal,
  humanTextProblem,
  indicatorValueProblem,
  makeEvent,
  type Actor,
  type SubmissionProblem,
} from '@thidua/schema';
import { actorCode } from '../auth/viewer.ts';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  problem,
  zodProblems,
  type Decide,
} from './command.ts';
import { checkScoredUnit, loadScoredUnit, type ScoredUnitState } from './scored-unit.ts';

export interface ReviewIndicatorInput {
  unitCode: string;
  periodId: string;
  indicator: string;
  reviewedValue: string;
  reason: string;
  reviewer: Actor;
}

export interface IndicatorReviewAccepted {
  unitCode: string;
  periodId: string;
  indicator: string;
  submittedValue: string | null;
  reviewedValue: string;
  submissionVersion: number;
}

/**
 * Records the reviewed value (thẩm định) of an indicator of a unit's period, with a reason
 * (SCORING.md §3): it replaces the submitted value in every rule. The reviewed value must itself be
 * a valid value of the indicator. Like a reviewed self-score, it stays in force for later versions
 * (otherwise a unit could undo it by submitting the same figure again) until a reviewer sets another.
 */
export const decideReviewIndicator: Decide<
  ReviewIndicatorInput,
  ScoredUnitState,
  IndicatorReviewAccepted
> = (input, state, context) => {
  const found = checkScoredUnit({ ...input, actor: input.reviewer }, state);
  if (!found.ok) return found.forbidden ?? invalid(found.problems);
  const { membership, scheme, counted } = found;
  const problems: SubmissionProblem[] = [];
  const inScheme = scheme.indicators.some((i) => i.code === input.indicator);
  const submittedValue =
    counted.indicators !== null && Object.hasOwn(counted.indicators, input.indicator)
      ? (counted.indicators[input.indicator] ?? null)
      : null;
  if (!inScheme) {
    problems.push(
      problem(
        'indicator',
        `${input.indicator} is not an indicator of scheme ${scheme.code}`,
        `${input.indicator} không phải chỉ tiêu của bảng chấm điểm ${scheme.code}`,
      ),
    );
  } else if (counted.indicators !== null && submittedValue === null) {
    problems.push(
      problem(
        'indicator',
        `${input.unitCode} gave no value for ${input.indicator} in version ${counted.version}`,
        `Đơn vị ${input.unitCode} không báo cáo chỉ tiêu ${input.indicator} trong phiên bản ${counted.version}`,
      ),
    );
  }
  const value = decimal.safeParse(input.reviewedValue);
  if (!value.success) problems.push(...zodProblems(value.error, 'reviewedValue'));
  else if (inScheme) {
    // The checks a submitted value passes: kind, range and the plausible maximum.
    const refused = indicatorValueProblem(scheme, input.indicator, value.data);
    if (refused !== null) problems.push({ path: 'reviewedValue', ...refused });
  }
  const reason = input.reason.trim();
  const unreadable = humanTextProblem(input.reason, 'reason');
  if (unreadable !== null) problems.push({ path: 'reason', ...unreadable });
  if (problems.length > 0) return invalid(problems);

  const reviewer = actorCode(input.reviewer);
  return accept(
    {
      unitCode: input.unitCode,
      periodId: input.periodId,
      indicator: input.indicator,
      submittedValue,
      reviewedValue: input.reviewedValue,
      submissionVersion: counted.version,
    },
    [
      makeEvent('IndicatorReviewed', {
        ...eventHeader(context, membership.clusterCode),
        data: {
          unitCode: input.unitCode,
          periodId: input.periodId,
          indicator: input.indicator,
          reviewedValue: input.reviewedValue,
          submissionVersion: counted.version,
          reason,
          reviewer,
        },
      }),
    ],
    input.reviewer,
  );
};

export const reviewIndicator = commandOf(
  (trx, input: ReviewIndicatorInput) => loadScoredUnit(trx, input),
  decideReviewIndicator,
);
