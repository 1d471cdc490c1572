import { clusterDefinedV1, makeEvent, slug, type ClusterDefinedV1 } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, problem, zodProblems, type Command } from './command.ts';

export interface DefineClusterInput {
  clusterCode: string;
  name: string;
  year: number;
  members: ClusterDefinedV1['members'];
  lead: string | null;
}

/** Defines (or redefines) a cluster's members and lead for a year. */
export const defineCluster =
  (input: DefineClusterInput): Command<{ clusterCode: string; year: number }> =>
  async ({ trx, now }) => {
    const code = slug.safeParse(input.clusterCode);
    const data = clusterDefinedV1.safeParse({
      name: input.name,
      year: input.year,
      members: input.members,
      lead: input.lead,
    });
    const problems = [
      ...(code.success ? [] : zodProblems(code.error, 'clusterCode')),
      ...(data.success ? [] : zodProblems(data.error)),
    ];
    if (
      data.success &&
      data.data.lead !== null &&
      !data.data.members.some((m) => m.unitCode === data.data.lead)
    ) {
      problems.push(
        problem(
          'lead',
          'the lead must be a member of the cluster',
          'Cụm trưởng phải là thành viên của cụm',
        ),
      );
    }
    if (!code.success || !data.success || problems.length > 0) return invalid(problems);

    const members = JSON.stringify(data.data.members);
    await trx
      .insertInto('clusters')
      .values({
        cluster_code: code.data,
        year: data.data.year,
        name: data.data.name,
        lead: data.data.lead,
        members,
      })
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year'])
          .doUpdateSet({ name: data.data.name, lead: data.data.lead, members }),
      )
      .execute();
    return accept({ clusterCode: code.data, year: data.data.year }, [
      makeEvent('ClusterDefined', {
        id: randomUUID(),
        occurredAt: now.toISOString(),
        source: 'gateway',
        clusterCode: code.data,
        causationId: null,
        data: data.data,
      }),
    ]);
  };
