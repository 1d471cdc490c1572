import type { Scheme, SubmissionProblem } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';
import { problem } from './command.ts';
import { findMembership, notAMember, reviewerProblem, type Membership } from './membership.ts';

/**
 * Checks what reviewing a unit's period needs: the unit is a member, the period exists, the unit
 * has submitted, and `actor` may review it. Returns the membership and scheme, or every problem.
 */
export async function findScoredUnit(
  trx: Transaction<GatewayDatabase>,
  input: { unitCode: string; periodId: string; actor: string },
  actorField: string,
): Promise<
  | { ok: true; membership: Membership; scheme: Scheme }
  | { ok: false; problems: SubmissionProblem[] }
> {
  const year = Number(input.periodId.slice(0, 4));
  const membership = Number.isInteger(year)
    ? await findMembership(trx, input.unitCode, year)
    : null;
  if (membership === null) return { ok: false, problems: [notAMember(input.unitCode, year)] };
  const problems: SubmissionProblem[] = [];
  const refused = reviewerProblem(membership, input.actor, input.unitCode, actorField);
  if (refused !== null) problems.push(refused);
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
    return { ok: false, problems };
  }
  return { ok: true, membership, scheme: scheme.scheme };
}
