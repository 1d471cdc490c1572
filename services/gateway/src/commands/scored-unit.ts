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

export type ScoredUnit =
  | { ok: true; membership: Membership; scheme: Scheme }
  | { ok: false; forbidden: CommandResult<never> | null; problems: SubmissionProblem[] };

/**
 * Checks what reviewing a unit's period needs: the unit is a member, `actor` may review it, and
 * the unit has submitted. Returns the membership and scheme, the refusal, or every problem.
 */
export async function findScoredUnit(
  trx: Transaction<GatewayDatabase>,
  input: { unitCode: string; periodId: string; actor: Actor },
): Promise<ScoredUnit> {
  // A malformed code or period is named as such, before any lookup.
  const unit = slug.safeParse(input.unitCode);
  const period = periodIdSchema.safeParse(input.periodId);
  if (!unit.success || !period.success) {
    const problems = [
      ...(unit.success ? [] : zodProblems(unit.error, 'unitCode')),
      ...(period.success ? [] : zodProblems(period.error, 'periodId')),
    ];
    return { ok: false, forbidden: null, problems };
  }
  const year = yearOf(period.data);
  const membership = await findMembership(trx, unit.data, year);
  if (membership === null) {
    return { ok: false, forbidden: null, problems: [notAMember(input.unitCode, year)] };
  }
  const problems: SubmissionProblem[] = [];
  const refused = reviewerRefusal(membership, input.actor, input.unitCode);
  if (refused !== null) {
    return { ok: false, forbidden: forbidden(refused.message, refused.messageVi), problems: [] };
  }
  const submitted = await trx
    .selectFrom('submissions')
    .select('version')
    .where('cluster_code', '=', membership.clusterCode)
    .where('period_id', '=', input.periodId)
    .where('unit_code', '=', input.unitCode)
    .limit(1)
    .executeTakeFirst();
  if (submitted === undefined) {
    problems.push(
      problem(
        'periodId',
        `${input.unitCode} has not submitted results for ${input.periodId}`,
        `Đơn vị ${input.unitCode} chưa gửi báo cáo kết quả kỳ ${input.periodId}`,
      ),
    );
  }
  const scheme = await trx
    .selectFrom('schemes')
    .select('scheme')
    .where('cluster_code', '=', membership.clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  if (scheme === undefined || problems.length > 0) {
    return { ok: false, forbidden: null, problems };
  }
  return { ok: true, membership, scheme: scheme.scheme };
}
