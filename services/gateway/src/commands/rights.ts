import type { Actor } from '@thidua/schema';
import { forbidden, type CommandResult } from './command.ts';

/** Only the central board sets up clusters, schemes and leads, and decides awards. */
export function unlessCentral(actor: Actor): CommandResult<never> | null {
  return actor.role === 'CENTRAL'
    ? null
    : forbidden(
        'only the central board may do this',
        'Chỉ Ban Tổ chức Trung ương được thực hiện việc này',
      );
}

/**
 * The central board or the cluster's lead of the year manage its periods and votes; `lead` is the
 * year's lead as loaded, null when the cluster has none or is not defined for the year.
 */
export function unlessManager(
  actor: Actor,
  cluster: { clusterCode: string; year: number; lead: string | null },
): CommandResult<never> | null {
  if (actor.role === 'CENTRAL') return null;
  const { clusterCode, year, lead } = cluster;
  return lead !== null && lead === actor.unitCode
    ? null
    : forbidden(
        `only the central board or the lead of ${clusterCode} in ${year} may do this`,
        `Chỉ Ban Tổ chức Trung ương hoặc cụm trưởng ${clusterCode} năm ${year} được thực hiện việc này`,
      );
}

/** A unit acts only for itself. */
export function unlessSelf(actor: Actor, unitCode: string): CommandResult<never> | null {
  return actor.role === 'UNIT' && actor.unitCode === unitCode
    ? null
    : forbidden(
        `only ${unitCode} may do this for itself`,
        `Chỉ đơn vị ${unitCode} được tự thực hiện việc này`,
      );
}
