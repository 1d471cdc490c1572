import { makeEvent, type SubmissionProblem, type Actor } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, problem, type Command } from './command.ts';
import { unlessCentral } from './rights.ts';

export interface SetLeadInput {
  clusterCode: string;
  year: number;
  lead: string;
  deputies: readonly string[];
  actor: Actor;
}

/**
 * Sets a cluster's lead (cụm trưởng) and deputies (cụm phó) for a year, as chosen at the previous
 * year-end review. The cluster's definition for the year is published again with them.
 */
export const setLead =
  (input: SetLeadInput): Command<{ clusterCode: string; year: number }> =>
  async ({ trx, now }) => {
    const refused = unlessCentral(input.actor);
    if (refused !== null) return refused;
    const cluster = await trx
      .selectFrom('clusters')
      .select(['name', 'members'])
      .where('cluster_code', '=', input.clusterCode)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (cluster === undefined) {
      return invalid([
        problem(
          'clusterCode',
          `cluster ${input.clusterCode} is not defined for ${input.year}`,
          `Cụm ${input.clusterCode} chưa được xác lập cho năm ${input.year}`,
        ),
      ]);
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
    const deputies = [...input.deputies];
    await trx
      .updateTable('clusters')
      .set({ lead: input.lead, deputies: JSON.stringify(deputies) })
      .where('cluster_code', '=', input.clusterCode)
      .where('year', '=', input.year)
      .execute();
    return accept(
      { clusterCode: input.clusterCode, year: input.year },
      [
        makeEvent('ClusterDefined', {
          id: randomUUID(),
          occurredAt: now.toISOString(),
          source: 'gateway',
          clusterCode: input.clusterCode,
          causationId: null,
          data: {
            name: cluster.name,
            year: input.year,
            members: cluster.members,
            lead: input.lead,
            deputies,
          },
        }),
      ],
      input.actor,
    );
  };
