import {
  periodId as periodIdSchema,
  slug,
  type Actor,
  type Scheme,
  type SubmissionProblem,
} from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';
import { forbidden, problem, zodProblems, type CommandResult } from './command.ts';
import { findMembership, notAMember, reviewerRefusal, type Membership } from './membership.ts';
import { yearOf } from '../period-year.ts';
import type { PeriodState } from './period-state.ts';

/** The counted (latest) version of a unit's results for a period. */
export interface CountedVersion {
  version: number;
  indicators: Record<string, string> | null;
  returnedAt: Date | string | null;
}

/** What reviewing a unit's period depends on; each part null when there is none. */
export interface ScoredUnitState {
  membership: Membership | null;
  scheme: Scheme | null;
  period: PeriodState['period'];
  /** Null when the unit has not submitted for the period. */
  counted: CountedVersion | null;
}

const nothing: ScoredUnitState = { membership: null, scheme: null, period: null, counted: null };

/**
 * Loads a unit's cluster of the period's year, its scheme, the period and the unit's counted
 * version. With `lockPeriod` the period row is locked first, as a submission locks it, so the
 * counted version cannot change before the transaction ends. A malformed code or period loads
 * nothing; checkScoredUnit names it.
 */
export async function loadScoredUnit(
  trx: Transaction<GatewayDatabase>,
  input: { unitCode: string; periodId: string },
  { lockPeriod = false } = {},
): Promise<ScoredUnitState> {
  if (
    !slug.safeParse(input.unitCode).success ||
    !periodIdSchema.safeParse(input.periodId).success
  ) {
    return nothing;
  }
  const year = yearOf(input.periodId);
  const membership = await findMembership(trx, input.unitCode, year);
  if (membership === null) return nothing;
  const { clusterCode } = membership;
  const periodQuery = trx
    .selectFrom('periods')
    .select(['status', 'deadline', 'opened_at as openedAt'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', input.periodId);
  const period = await (lockPeriod ? periodQuery.forUpdate() : periodQuery).executeTakeFirst();
  const counted = await trx
    .selectFrom('submissions')
    .select(['version', 'indicators', 'returned_at'])
    .where('cluster_code', '=', clusterCode)
    .where('period_id', '=', input.periodId)
    .where('unit_code', '=', input.unitCode)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const scheme = await trx
    .selectFrom('schemes')
    .select('scheme')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return {
    membership,
    scheme: scheme?.scheme ?? null,
    period: period ?? null,
    counted:
      counted === undefined
        ? null
        : {
            version: counted.version,
            indicators: counted.indicators,
            returnedAt: counted.returned_at,
          },
  };
}

export type ScoredUnit =
  | { ok: true; membership: Membership; scheme: Scheme; counted: CountedVersion }
  | { ok: false; forbidden: CommandResult<never> | null; problems: SubmissionProblem[] };

/**
 * Checks what reviewing a unit's period needs: the unit is a member, `actor` may review it, and
 * the unit has submitted. Returns the membership, scheme and counted version, the refusal, or
 * every problem.
 */
export function checkScoredUnit(
  input: { unitCode: string; periodId: string; actor: Actor },
  state: ScoredUnitState,
): ScoredUnit {
  // A malformed code or period is named as such, before anything else.
  const unit = slug.safeParse(input.unitCode);
  const period = periodIdSchema.safeParse(input.periodId);
  if (!unit.success || !period.success) {
    const problems = [
      ...(unit.success ? [] : zodProblems(unit.error, 'unitCode')),
      ...(period.success ? [] : zodProblems(period.error, 'periodId')),
    ];
    return { ok: false, forbidden: null, problems };
  }
  const { membership, scheme, counted } = state;
  if (membership === null) {
    return {
      ok: false,
      forbidden: null,
      problems: [notAMember(input.unitCode, yearOf(period.data))],
    };
  }
  const refused = reviewerRefusal(membership, input.actor, input.unitCode);
  if (refused !== null) {
    return { ok: false, forbidden: forbidden(refused.message, refused.messageVi), problems: [] };
  }
  if (counted === null) {
    const notSubmitted = problem(
      'periodId',
      `${input.unitCode} has not submitted results for ${input.periodId}`,
      `Đơn vị ${input.unitCode} chưa gửi báo cáo kết quả kỳ ${input.periodId}`,
    );
    return { ok: false, forbidden: null, problems: [notSubmitted] };
  }
  if (scheme === null) {
    const year = yearOf(period.data);
    const noScheme = problem(
      'periodId',
      `no scheme is assigned to ${membership.clusterCode} for ${year}`,
      `Cụm ${membership.clusterCode} chưa có bảng chấm điểm năm ${year}`,
    );
    return { ok: false, forbidden: null, problems: [noScheme] };
  }
  return { ok: true, membership, scheme, counted };
}
