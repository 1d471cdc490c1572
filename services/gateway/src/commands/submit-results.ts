import {
  decimal,
  makeEvent,
  periodId as periodIdSchema,
  slug,
  validateSubmission,
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
import { notAMember } from './membership.ts';
import { loadScoredUnit, type ScoredUnitState } from './scored-unit.ts';
import { unlessSelf } from './rights.ts';
import { yearOf } from '../period-year.ts';

export interface SubmitResultsInput {
  unitCode: string;
  periodId: string;
  indicators: readonly { code: string; value: string }[];
  selfScores: readonly { criterion: string; score: string }[];
  /** The version the unit last saw; when given, a newer one already submitted is a conflict. */
  expectedVersion?: number | null;
  actor: Actor;
}

export interface AcceptedSubmission {
  unitCode: string;
  clusterCode: string;
  periodId: string;
  version: number;
  submittedAt: string;
  onTime: boolean;
}

/**
 * Turns `[{code, value}]` pairs into a record, reporting codes given twice. The record has no
 * prototype, so that every code is a key of its own: on a plain object `__proto__` would set the
 * prototype and vanish instead of being refused as an unknown code.
 */
function toRecord(
  pairs: readonly (readonly [string, string])[],
  field: string,
  problems: SubmissionProblem[],
): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  pairs.forEach(([code, value], index) => {
    if (Object.hasOwn(record, code)) {
      problems.push(
        problem(`${field}.${index}`, `${code} is given twice`, `${code} bị khai báo hai lần`),
      );
    }
    const parsed = decimal.safeParse(value);
    if (!parsed.success) problems.push(...zodProblems(parsed.error, `${field}.${code}`));
    record[code] = value;
  });
  return record;
}

/**
 * Accepts a new version of a unit's results for a period, or refuses it with every reason
 * (SCORING.md §5): not a member, period not open, unknown codes, missing or out-of-range values.
 */
export const decideSubmitResults: Decide<
  SubmitResultsInput,
  ScoredUnitState,
  AcceptedSubmission
> = (input, state, context) => {
  const refused = unlessSelf(input.actor, input.unitCode);
  if (refused !== null) return refused;
  const problems: SubmissionProblem[] = [];
  const unit = slug.safeParse(input.unitCode);
  if (!unit.success) problems.push(...zodProblems(unit.error, 'unitCode'));
  const period = periodIdSchema.safeParse(input.periodId);
  if (!period.success) problems.push(...zodProblems(period.error, 'periodId'));
  const indicators = toRecord(
    input.indicators.map((i) => [i.code, i.value]),
    'indicators',
    problems,
  );
  const selfScores = toRecord(
    input.selfScores.map((s) => [s.criterion, s.score]),
    'selfScores',
    problems,
  );
  if (!unit.success || !period.success) return invalid(problems);

  const year = yearOf(period.data);
  const { membership, period: openPeriod, scheme } = state;
  if (membership === null) return invalid([...problems, notAMember(unit.data, year)]);
  const { clusterCode } = membership;
  if (openPeriod === null || openPeriod.status !== 'OPEN') {
    const closed = openPeriod?.status === 'CLOSED';
    problems.push(
      problem(
        'periodId',
        closed ? `period ${period.data} is closed` : `period ${period.data} is not open`,
        closed ? `Kỳ ${period.data} đã kết thúc` : `Kỳ ${period.data} chưa được mở`,
      ),
    );
  }
  if (scheme === null) {
    problems.push(
      problem(
        'periodId',
        `no scheme is assigned to ${clusterCode} for ${year}`,
        `Cụm ${clusterCode} chưa có bảng chấm điểm năm ${year}`,
      ),
    );
  } else {
    problems.push(...validateSubmission(scheme, indicators, selfScores));
  }
  if (problems.length > 0 || openPeriod === null) return invalid(problems);

  const current = state.counted?.version ?? 0;
  if (input.expectedVersion != null && input.expectedVersion !== current) {
    return refuse({
      kind: 'CONFLICT',
      message: `version ${current} is the latest, not ${input.expectedVersion}; reload and submit again`,
      messageVi: `Phiên bản mới nhất là ${current}, không phải ${input.expectedVersion}; hãy tải lại rồi gửi lại`,
    });
  }
  const version = current + 1;
  const submittedAt = context.now.toISOString();
  const onTime = context.now.getTime() <= new Date(openPeriod.deadline).getTime();
  return accept(
    { unitCode: unit.data, clusterCode, periodId: period.data, version, submittedAt, onTime },
    [
      makeEvent('ResultsSubmitted', {
        ...eventHeader(context, clusterCode),
        data: {
          unitCode: unit.data,
          periodId: period.data,
          submissionVersion: version,
          submittedAt,
          indicators,
          selfScores,
        },
      }),
    ],
    input.actor,
  );
};

/**
 * The period row is locked before the latest version is read, so the versions of one period are
 * numbered one at a time.
 */
export const submitResults = commandOf(
  (trx, input: SubmitResultsInput) => loadScoredUnit(trx, input, { lockPeriod: true }),
  decideSubmitResults,
);
