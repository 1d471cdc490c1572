import { assignScheme, defineCluster, openPeriod, submitResults } from '@thidua/gateway';
import { demoBoard, demoStaff } from './demo-actors.ts';
import facts from '../../demo/data/clusters-2025.json' with { type: 'json' };
import { demoFigures } from './demo-figures.ts';
import { demoScheme } from './demo-scheme.ts';
import type { DemoStep } from './demo-step.ts';

const year = 2026;
/** The unit README's walkthrough submits for; the demo leaves its report to the reader. */
export const walkthroughUnit = 'ha-tinh';

/**
 * The year in progress: Cluster No. 2 of 2026 (the members of 2025, under the same lead) with its
 * scheme and an open year-end period, where every member but Hà Tĩnh has already reported. A
 * newcomer submits Hà Tĩnh's results, reviews them as the lead and watches the ranking move.
 */
export function currentYear(): DemoStep[] {
  const cluster = facts.clusters.find((c) => c.code === 'cum-2');
  if (cluster === undefined) throw new Error('clusters-2025.json has no cum-2');
  const periodId = `${String(year)}-FY`;
  const steps: DemoStep[] = [
    {
      at: '2026-01-12T09:00:00+07:00',
      command: defineCluster({
        clusterCode: cluster.code,
        name: cluster.name,
        year,
        lead: cluster.lead,
        actor: demoBoard,
        members: cluster.members.map((m) => ({
          unitCode: m.code,
          name: `Ban Tổ chức ${m.code === 'hai-phong' ? 'Thành ủy' : 'Tỉnh ủy'} ${m.province}`,
          mergedFrom: [],
        })),
      }),
    },
    {
      at: '2026-01-14T09:00:00+07:00',
      command: assignScheme({
        clusterCode: cluster.code,
        scheme: demoScheme(year),
        actor: demoBoard,
      }),
    },
    {
      at: '2026-11-02T08:00:00+07:00',
      command: openPeriod({
        clusterCode: cluster.code,
        periodId,
        deadline: '2026-12-15T17:00:00+07:00',
        actor: demoBoard,
      }),
    },
  ];
  cluster.members.forEach((member, index) => {
    if (member.code === walkthroughUnit) return;
    steps.push({
      at: `2026-11-${String(10 + index).padStart(2, '0')}T09:00:00+07:00`,
      command: submitResults({
        unitCode: member.code,
        periodId,
        ...demoFigures({ index, period: 'FY' }),
        actor: demoStaff(member.code),
      }),
    });
  });
  return steps;
}
