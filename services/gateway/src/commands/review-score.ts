import {
  decimal,
  humanTextProblem,
  makeEvent,
  parseHundredths,
  type SubmissionProblem,
  type Actor,
} from '@thidua/schema';
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
import { actorCode } from '../auth/viewer.ts';

export interface ReviewScoreInput {
  unitCode: string;
  periodId: string;
  criterion: string;
  reviewedScore: string;
  reason: string;
  reviewer: Actor;
}

/** Records the reviewed score (thẩm định) of a unit's SELF_ASSESSED criterion, with a reason. */
export const decideReviewScore: Decide<ReviewScoreInput, ScoredUnitState, ReviewScoreInput> = (
  input,
  state,
  context,
) => {
  const found = checkScoredUnit({ ...input, actor: input.reviewer }, state);
  if (!found.ok) return found.forbidden ?? invalid(found.problems);
  const { membership, scheme } = found;
  const problems: SubmissionProblem[] = [];
  const criterion = scheme.headings
    .flatMap((h) => h.criteria)
    .find((c) => c.code === input.criterion);
  if (criterion?.method !== 'SELF_ASSESSED') {
    problems.push(
      problem(
        'criterion',
        `${input.criterion} is not a self-assessed criterion of the scheme`,
        `${input.criterion} không phải tiêu chí tự chấm trong bảng điểm`,
      ),
    );
  }
  const score = decimal.safeParse(input.reviewedScore);
  if (!score.success) problems.push(...zodProblems(score.error, 'reviewedScore'));
  else if (
    criterion !== undefined &&
    parseHundredths(score.data) > parseHundredths(criterion.maxPoints)
  ) {
    problems.push(
      problem(
        'reviewedScore',
        `exceeds the criterion's maximum ${criterion.maxPoints}`,
        `Vượt quá điểm tối đa ${criterion.maxPoints} của tiêu chí`,
      ),
    );
  }
  const unreadable = humanTextProblem(input.reason, 'reason');
  if (unreadable !== null) problems.push({ path: 'reason', ...unreadable });
  if (problems.length > 0) return invalid(problems);
  return accept(
    input,
    [
      makeEvent('ScoreReviewed', {
        ...eventHeader(context, membership.clusterCode),
        data: { ...input, reason: input.reason.trim(), reviewer: actorCode(input.reviewer) },
      }),
    ],
    input.reviewer,
  );
};

export const reviewScore = commandOf(
  (trx, input: ReviewScoreInput) => loadScoredUnit(trx, input),
  decideReviewScore,
);
