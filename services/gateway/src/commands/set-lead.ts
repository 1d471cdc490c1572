import {
  makeEvent,
  type Actor,
  type ClusterDefinedV1,
  type SubmissionProblem,
} from '@thidua/schema';
import { accept, commandOf, eventHeader, invalid, problem, type Decide } from './command.ts';
import { clusterNotDefined, findCluster } from './membership.ts';
import { unlessCentral } from './rights.ts';

export interface SetLeadInput {
  clusterCode: string;
  year: number;
  lead: string;
  deputies: readonly string[];
  actor: Actor;
}

/** The cluster's definition for the year, null when it has none. */
export interface SetLeadState {
  cluster: Pick<ClusterDefinedV1, 'name' | 'members'> | null;
}

/**
 * Sets a cluster's lead (cụm trưởng) and deputies (cụm phó) for a year, as chosen at the previous
 * year-end review. The cluster's definition for the year is published again with them.
 */
export const decideSetLead: Decide<
  SetLeadInput,
  SetLeadState,
  { clusterCode: string; year: number }
> = (input, { cluster }, context) => {
  const refused = unlessCentral(input.actor);
  if (refused !== null) return refused;
  if (cluster === null) {
    return invalid([clusterNotDefined(input.clusterCode, input.year)]);
  }
  const isMember = (unit: string) => cluster.members.some((m) => m.unitCode === unit);
  const problems: SubmissionProblem[] = [];
  if (!isMember(input.lead)) {
    problems.push(
      problem(
        'lead',
        'the lead must be a member of the cluster',
        'Cụm trưởng phải là thành viên của cụm',
      ),
    );
  }
  input.deputies.forEach((deputy, index) => {
    if (!isMember(deputy) || deputy === input.lead || input.deputies.indexOf(deputy) !== index) {
      problems.push(
        problem(
          `deputies.${index}`,
          'a deputy must be a member of the cluster, other than the lead, named once',
          'Cụm phó phải là thành viên của cụm, khác cụm trưởng và chỉ nêu một lần',
        ),
      );
    }
  });
  if (problems.length > 0) return invalid(problems);
  return accept(
    { clusterCode: input.clusterCode, year: input.year },
    [
      makeEvent('ClusterDefined', {
        ...eventHeader(context, input.clusterCode),
        data: {
          name: cluster.name,
          year: input.year,
          members: cluster.members,
          lead: input.lead,
          deputies: [...input.deputies],
        },
      }),
    ],
    input.actor,
  );
};

export const setLead = commandOf(
  async (trx, input: SetLeadInput): Promise<SetLeadState> => ({
    cluster: await findCluster(trx, input.clusterCode, input.year),
  }),
  decideSetLead,
);
