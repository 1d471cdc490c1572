import { clusterDefinedV1, makeEvent, slug, unitCode, type Actor } from '@thidua/schema';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  problem,
  zodProblems,
  type Decide,
} from './command.ts';
import { unlessCentral } from './rights.ts';

export interface DefineClusterInput {
  clusterCode: string;
  name: string;
  year: number;
  members: readonly { unitCode: string; name: string; mergedFrom?: readonly string[] | null }[];
  lead: string | null;
  deputies?: string[] | null;
  /** Who acts, as the gateway verified it. */
  actor: Actor;
}

/**
 * Defines (or redefines) a cluster's members and lead for a year. It depends on no earlier state:
 * a definition replaces the year's previous one whole.
 */
export const decideDefineCluster: Decide<
  DefineClusterInput,
  null,
  { clusterCode: string; year: number }
> = (input, _state, context) => {
  const refused = unlessCentral(input.actor);
  if (refused !== null) return refused;
  const code = slug.safeParse(input.clusterCode);
  const data = clusterDefinedV1.safeParse({
    name: input.name,
    year: input.year,
    members: input.members.map((m) => ({ ...m, mergedFrom: m.mergedFrom ?? [] })),
    lead: input.lead,
    deputies: input.deputies ?? [],
  });
  const problems = [
    ...(code.success ? [] : zodProblems(code.error, 'clusterCode')),
    ...(data.success ? [] : zodProblems(data.error)),
  ];
  if (data.success) {
    // The event's schema takes any slug; a unit's code must also not be a role's name.
    const reserved = (code: string, path: string) => {
      if (unitCode.safeParse(code).success) return;
      problems.push(
        problem(
          path,
          `"${code}" names the central board, a role, and cannot be a unit's code`,
          `"${code}" là tên của Ban Tổ chức Trung ương (một vai trò), không được dùng làm mã đơn vị`,
        ),
      );
    };
    data.data.members.forEach((member, index) => {
      reserved(member.unitCode, `members.${index}.unitCode`);
      member.mergedFrom.forEach((former, at) =>
        reserved(former, `members.${index}.mergedFrom.${at}`),
      );
    });
    const isMember = (unit: string) => data.data.members.some((m) => m.unitCode === unit);
    if (data.data.lead !== null && !isMember(data.data.lead)) {
      problems.push(
        problem(
          'lead',
          'the lead must be a member of the cluster',
          'Cụm trưởng phải là thành viên của cụm',
        ),
      );
    }
    data.data.deputies.forEach((deputy, index) => {
      if (!isMember(deputy) || deputy === data.data.lead) {
        problems.push(
          problem(
            `deputies.${index}`,
            'a deputy must be a member of the cluster other than the lead',
            'Cụm phó phải là thành viên của cụm và khác cụm trưởng',
          ),
        );
      }
    });
  }
  if (!code.success || !data.success || problems.length > 0) return invalid(problems);

  return accept(
    { clusterCode: code.data, year: data.data.year },
    [makeEvent('ClusterDefined', { ...eventHeader(context, code.data), data: data.data })],
    input.actor,
  );
};

export const defineCluster = commandOf(() => Promise.resolve(null), decideDefineCluster);
