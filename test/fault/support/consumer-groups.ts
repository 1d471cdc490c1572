import { AssignerProtocol, type Admin } from 'kafkajs';
import { consumingServices } from './process-system.ts';

/** The partitions each member of a group holds now (one count per member). */
async function partitionsPerMember(admin: Admin, groupId: string): Promise<number[]> {
  const { groups } = await admin.describeGroups([groupId]);
  return (groups[0]?.members ?? []).map((member) => {
    const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
    return Object.values(decoded?.assignment ?? {}).reduce((n, list) => n + list.length, 0);
  });
}

/**
 * Waits until every consuming service's group has `members` members that each hold partitions, so
 * that killing one of them really takes work away from the group. Returns the counts per group.
 */
export async function untilGroupsShared(
  admin: Admin,
  namespace: string,
  members: number,
  timeoutMs = 30_000,
): Promise<Record<string, number[]>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts: Record<string, number[]> = {};
    for (const service of consumingServices) {
      counts[service] = await partitionsPerMember(admin, `${namespace}.thidua-${service}`);
    }
    const shared = Object.values(counts).every(
      (list) => list.length === members && list.every((n) => n > 0),
    );
    if (shared) return counts;
    if (Date.now() > deadline) {
      throw new Error(
        `the groups were not shared by ${members} members: ${JSON.stringify(counts)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
