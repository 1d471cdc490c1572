import type {
  Criterion,
  CriterionScore,
  ResultsSubmittedV1,
  ScorecardComputedV1,
  Scheme,
} from '@thidua/schema';
import { type ExplainedPoints, formatHundredths, parseHundredths } from './hundredths.ts';
import { scoreBands } from './rules/bands.ts';
import { classify } from './rules/classification.ts';
import { scoreCount } from './rules/count.ts';
import { computeLateness } from './rules/lateness.ts';
import { scoreRelative } from './rules/relative.ts';
import { scoreSelfAssessed } from './rules/self-assessed.ts';
import { scoreTarget } from './rules/target.ts';
import { scoreYesNo } from './rules/yes-no.ts';

export interface ScorecardInput {
  /** Parsed, with defaults applied. */
  scheme: Scheme;
  /** The counted version. */
  submission: ResultsSubmittedV1;
  /** ISO instant. */
  deadline: string;
  /** Indicator code → the unit's registered target, if any. */
  pledges: Readonly<Record<string, string>>;
  /** Criterion code → the lead's reviewed score, if any. */
  reviewedScores: Readonly<Record<string, string>>;
  /** Indicator code → the reviewer's value (thẩm định), which replaces the submitted one. */
  indicatorReviews: Readonly<Record<string, IndicatorReview>>;
  /** RELATIVE criterion code → best value among the cluster's scored units. */
  bestValues: Readonly<Record<string, string>>;
  bonusItems: readonly { points: string; reason: string }[];
  deductionItems: readonly { points: string; reason: string; disqualifying: boolean }[];
}

/** A reviewer's value for one indicator, with the reason and who reviewed. */
export interface IndicatorReview {
  reviewedValue: string;
  reason: string;
  reviewer: string;
}

/**
 * The submission as it is scored (SCORING.md §3, verification): each indicator a reviewer has
 * set a value for counts with that value instead of the submitted one. Only indicators the
 * submission gives are replaced; a review of an indicator a later version leaves out has nothing
 * to replace.
 */
export function withReviewedValues(
  submission: ResultsSubmittedV1,
  reviews: Readonly<Record<string, IndicatorReview>>,
): ResultsSubmittedV1 {
  if (Object.keys(reviews).length === 0) return submission;
  const indicators = Object.fromEntries(
    Object.entries(submission.indicators).map(([code, value]) => [
      code,
      lookupReview(reviews, code)?.reviewedValue ?? value,
    ]),
  );
  return { ...submission, indicators };
}

/** Criteria in scheme order: headings, then the criteria under each. */
function criteriaOf(scheme: Scheme): Criterion[] {
  return scheme.headings.flatMap((heading) => heading.criteria);
}

/** A record lookup that does not reach into Object.prototype ("constructor", "toString"…). */
function lookup(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function lookupReview(
  reviews: Readonly<Record<string, IndicatorReview>>,
  code: string,
): IndicatorReview | undefined {
  return Object.hasOwn(reviews, code) ? reviews[code] : undefined;
}

/** A value validation guarantees; its absence here is a bug upstream, so it is thrown. */
function required(
  record: Readonly<Record<string, string>>,
  key: string,
  what: string,
  criterion: Criterion,
): string {
  const value = lookup(record, key);
  if (value === undefined) {
    throw new RangeError(`criterion ${criterion.code}: ${what} "${key}" is missing`);
  }
  return value;
}

function scoreCriterion(
  criterion: Criterion,
  input: ScorecardInput,
  scored: ResultsSubmittedV1,
): ExplainedPoints {
  const { indicators, selfScores } = scored;
  switch (criterion.method) {
    case 'TARGET':
      return scoreTarget(
        criterion,
        required(indicators, criterion.indicator, 'indicator', criterion),
        lookup(input.pledges, criterion.indicator),
      );
    case 'BANDS':
      return scoreBands(
        criterion,
        required(indicators, criterion.indicator, 'indicator', criterion),
      );
    case 'YES_NO':
      return scoreYesNo(
        criterion,
        required(indicators, criterion.indicator, 'indicator', criterion),
      );
    case 'SELF_ASSESSED':
      return scoreSelfAssessed(
        criterion,
        required(selfScores, criterion.code, 'self-score', criterion),
        lookup(input.reviewedScores, criterion.code),
      );
    case 'RELATIVE':
      return scoreRelative(
        criterion,
        required(indicators, criterion.indicator, 'indicator', criterion),
        required(input.bestValues, criterion.code, 'best value', criterion),
      );
    case 'COUNT':
      return scoreCount(
        criterion,
        required(indicators, criterion.indicator, 'indicator', criterion),
      );
    default:
      return assertNever(criterion);
  }
}

function assertNever(value: never): never {
  throw new TypeError(`unhandled criterion method: ${JSON.stringify(value)}`);
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

/**
 * A unit's scorecard (SCORING.md §3–4): each criterion rounded once, then
 * total = max(0, criteriaSum + min(Σ bonus, bonusCap) − (lateness + Σ deductions)).
 */
export function computeScorecard(input: ScorecardInput): ScorecardComputedV1 {
  const { scheme, submission } = input;
  const scored = withReviewedValues(submission, input.indicatorReviews);
  const reviewedIndicators = scheme.indicators.flatMap(({ code }) => {
    const review = lookupReview(input.indicatorReviews, code);
    const submittedValue = lookup(submission.indicators, code);
    return review === undefined || submittedValue === undefined
      ? []
      : [{ indicator: code, submittedValue, ...review }];
  });

  let criteriaSum = 0n;
  const criteria: CriterionScore[] = criteriaOf(scheme).map((criterion) => {
    const explained = scoreCriterion(criterion, input, scored);
    criteriaSum += explained.points;
    const { points, formula } = explained;
    const reviewed =
      criterion.method === 'SELF_ASSESSED'
        ? undefined
        : reviewedIndicators.find((r) => r.indicator === criterion.indicator);
    // The rule saw the reviewed value; the scorecard also shows what the unit submitted.
    const inputs =
      reviewed === undefined
        ? explained.inputs
        : { ...explained.inputs, submittedValue: reviewed.submittedValue, valueUsed: 'reviewed' };
    return {
      code: criterion.code,
      method: criterion.method,
      maxPoints: formatHundredths(parseHundredths(criterion.maxPoints)),
      points: formatHundredths(points),
      inputs,
      formula,
    };
  });

  const bonusSum = sum(input.bonusItems.map((item) => parseHundredths(item.points)));
  const bonusCap = parseHundredths(scheme.bonusCap);
  const bonus = bonusSum < bonusCap ? bonusSum : bonusCap;

  const lateness = computeLateness(input.deadline, submission.submittedAt, scheme);
  const deductions =
    lateness.points + sum(input.deductionItems.map((item) => parseHundredths(item.points)));

  const raw = criteriaSum + bonus - deductions;
  const total = raw > 0n ? raw : 0n;
  const disqualified = input.deductionItems.some((item) => item.disqualifying);

  return {
    unitCode: submission.unitCode,
    periodId: submission.periodId,
    submissionVersion: submission.submissionVersion,
    submittedAt: submission.submittedAt,
    onTime: lateness.periods === 0,
    criteria,
    criteriaSum: formatHundredths(criteriaSum),
    bonusItems: input.bonusItems.map((item) => ({
      points: formatHundredths(parseHundredths(item.points)),
      reason: item.reason,
    })),
    bonus: formatHundredths(bonus),
    deductionItems: input.deductionItems.map((item) => ({
      points: formatHundredths(parseHundredths(item.points)),
      reason: item.reason,
      disqualifying: item.disqualifying,
    })),
    lateness: formatHundredths(lateness.points),
    deductions: formatHundredths(deductions),
    total: formatHundredths(total),
    classification: classify(total, parseHundredths(scheme.maxTotal), scheme.bands, disqualified),
    disqualified,
    ...(reviewedIndicators.length > 0 ? { reviewedIndicators } : {}),
  };
}

/**
 * For each RELATIVE criterion, the best value among the given submissions: the highest when higher
 * is better, the lowest when lower is better. The string is kept as given, so the formula shows
 * the value the best unit entered (or its reviewer set: pass the submissions as scored, through
 * withReviewedValues). A criterion no submission has a value for is left out.
 */
export function bestValuesFor(
  scheme: Scheme,
  submissions: readonly ResultsSubmittedV1[],
): Record<string, string> {
  const best: Record<string, string> = {};
  for (const criterion of criteriaOf(scheme)) {
    if (criterion.method !== 'RELATIVE') continue;
    const higher = criterion.direction === 'HIGHER_IS_BETTER';
    let bestValue: { text: string; hundredths: bigint } | undefined;
    for (const submission of submissions) {
      const text = lookup(submission.indicators, criterion.indicator);
      if (text === undefined) continue;
      const hundredths = parseHundredths(text);
      const better =
        bestValue === undefined ||
        (higher ? hundredths > bestValue.hundredths : hundredths < bestValue.hundredths);
      if (better) bestValue = { text, hundredths };
    }
    if (bestValue !== undefined) best[criterion.code] = bestValue.text;
  }
  return best;
}
