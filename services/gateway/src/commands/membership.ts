import { sql, type Kysely } from 'kysely';
import { slug, type Actor, type ClusterDefinedV1, type SubmissionProblem } from '@thidua/schema';
import type { GatewayDatabase } from '../database.ts';
import { problem } from './command.ts';

export interface Membership {
  clusterCode: string;
  lead: string | null;
  deputies: string[];
}

/**
 * The cluster a unit belongs to in a year, with that year's lead and deputies. A malformed code or
 * year belongs nowhere; it never reaches the jsonb containment query, which would fail on it.
 */
export async function findMembership(
  trx: Kysely<GatewayDatabase>,
  unitCode: string,
  year: number,
): Promise<Membership | null> {
  if (!slug.safeParse(unitCode).success || !Number.isInteger(year)) return null;
  const row = await trx
    .selectFrom('clusters')
    .select(['cluster_code', 'lead', 'deputies'])
    .where('year', '=', year)
    .where(sql<boolean>`members @> ${JSON.stringify([{ unitCode }])}::jsonb`)
    .executeTakeFirst();
  return row === undefined
    ? null
    : { clusterCode: row.cluster_code, lead: row.lead, deputies: row.deputies };
}

/** The problem of a command naming a cluster that is not defined for the year it concerns. */
export const clusterNotDefined = (clusterCode: string, year: number): SubmissionProblem =>
  problem(
    'clusterCode',
    `cluster ${clusterCode} is not defined for ${year}`,
    `Cụm ${clusterCode} chưa được xác lập cho năm ${year}`,
  );

/** A cluster's definition for a year, null when it has none. */
export async function findCluster(
  trx: Kysely<GatewayDatabase>,
  clusterCode: string,
  year: number,
): Promise<Pick<ClusterDefinedV1, 'name' | 'members' | 'lead' | 'deputies'> | null> {
  const row = await trx
    .selectFrom('clusters')
    .select(['name', 'members', 'lead', 'deputies'])
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ?? null;
}

export const notAMember = (unitCode: string, year: number): SubmissionProblem =>
  problem(
    'unitCode',
    `${unitCode} is not a member of any cluster in ${year}`,
    `Đơn vị ${unitCode} không là thành viên của cụm thi đua nào trong năm ${year}`,
  );

/**
 * Who may review a unit's scores or add bonus and deduction items (SCORING.md §3): the central
 * board, or the year's lead or a deputy of the unit's cluster, but never for the reviewer's own
 * unit (the lead's own scorecard is reviewed by a deputy or the central board). Returns why not.
 */
export function reviewerRefusal(
  membership: Membership,
  actor: Actor,
  unitCode: string,
): { message: string; messageVi: string } | null {
  if (actor.role === 'CENTRAL') return null;
  const reviewer = actor.unitCode;
  if (reviewer === unitCode) {
    return {
      message: 'a unit cannot review itself',
      messageVi: 'Đơn vị không được tự thẩm định chính mình',
    };
  }
  if (reviewer !== membership.lead && !membership.deputies.includes(reviewer)) {
    return {
      message: `${reviewer} is neither the lead nor a deputy of ${membership.clusterCode} this year`,
      messageVi: `${reviewer} không phải cụm trưởng hay cụm phó của ${membership.clusterCode} trong năm`,
    };
  }
  return null;
}
