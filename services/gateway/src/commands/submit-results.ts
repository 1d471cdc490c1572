import {
  decimal,
  instant,
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
  forbidden,
  invalid,
  problem,
  refuse,
  zodProblems,
  type CommandResult,
  type Decide,
} from './command.ts';
import { notAMember, type Membership } from './membership.ts';
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
  /**
   * When the results arrived on paper: the moment the report was received, recorded by the
   * cluster's lead or the central board; it counts as the moment of submission.
   */
  receivedAt?: string | null;
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
 * Who may record a unit's paper report: the central board or the lead of the unit's cluster that
 * year, never the unit itself (not even when it leads the cluster).
 */
function paperRecorderRefusal(
  actor: Actor,
  unitCode: string,
  membership: Membership | null,
): CommandResult<never> | null {
  if (actor.role === 'CENTRAL') return null;
  if (actor.unitCode === unitCode) {
    return forbidden(
      'a unit cannot record a paper report for itself; it submits its results itself',
      'Đơn vị không được tự ghi nhận báo cáo giấy của mình; đơn vị tự nộp kết quả',
    );
  }
  if (membership !== null && membership.lead === actor.unitCode) return null;
  return forbidden(
    `only the central board or the lead of ${unitCode}'s cluster may record its paper report`,
    `Chỉ Ban Tổ chức Trung ương hoặc cụm trưởng của đơn vị ${unitCode} được ghi nhận báo cáo giấy của đơn vị`,
  );
}

/**
 * The moment a paper report was received, or why it cannot be: it is an instant, not in the
 * future, and not before the period opened.
 */
function receivedAtProblems(
  receivedAt: string,
  now: Date,
  openedAt: Date | string | null | undefined,
): SubmissionProblem[] {
  if (!instant.safeParse(receivedAt).success) {
    return [
      problem(
        'receivedAt',
        'must be a moment such as 2026-12-14T09:00:00+07:00',
        'Thời điểm nhận báo cáo phải có dạng 2026-12-14T09:00:00+07:00',
      ),
    ];
  }
  const received = new Date(receivedAt).getTime();
  if (received > now.getTime()) {
    return [
      problem(
        'receivedAt',
        `${receivedAt} is in the future`,
        `Thời điểm nhận báo cáo ${receivedAt} ở tương lai`,
      ),
    ];
  }
  if (openedAt != null && received < new Date(openedAt).getTime()) {
    const opened = new Date(openedAt).toISOString();
    return [
      problem(
        'receivedAt',
        `${receivedAt} is before the period opened (${opened})`,
        `Thời điểm nhận báo cáo ${receivedAt} trước khi kỳ được mở (${opened})`,
      ),
    ];
  }
  return [];
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
  const paper = input.receivedAt != null;
  const refused = paper
    ? paperRecorderRefusal(input.actor, input.unitCode, state.membership)
    : unlessSelf(input.actor, input.unitCode);
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
  if (input.receivedAt != null) {
    problems.push(...receivedAtProblems(input.receivedAt, context.now, openPeriod?.openedAt));
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
  const submitted = input.receivedAt == null ? context.now : new Date(input.receivedAt);
  const submittedAt = submitted.toISOString();
  const onTime = submitted.getTime() <= new Date(openPeriod.deadline).getTime();
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
          ...(input.receivedAt == null
            ? {}
            : {
                paperReport: {
                  recordedBy: input.actor.role === 'CENTRAL' ? 'central' : input.actor.unitCode,
                  recordedAt: context.now.toISOString(),
                },
              }),
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
