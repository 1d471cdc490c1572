import { defineCluster } from '@thidua/gateway';
import { demoBoard } from './demo-actors.ts';
import facts from '../../demo/data/clusters-2025.json' with { type: 'json' };
import type { DemoStep } from './demo-step.ts';

/**
 * The clusters of 2025, after the reorganisation of provinces: each member names the 2023 units
 * merged into it, so a successor's history shows its predecessors' results (SCORING.md §9).
 */
export function clusters2025(): DemoStep[] {
  return facts.clusters.map((cluster) => ({
    at: '2025-07-01T08:00:00+07:00',
    command: defineCluster({
      clusterCode: cluster.code,
      name: cluster.name,
      year: facts.year,
      lead: cluster.lead,
      actor: demoBoard,
      members: cluster.members.map((m) => ({
        unitCode: m.code,
        name: `Ban Tổ chức ${m.code === 'ha-noi' || m.code === 'hai-phong' ? 'Thành ủy' : 'Tỉnh ủy'} ${m.province}`,
        mergedFrom: m.mergedFrom.filter((code) => code !== m.code),
      })),
    }),
  }));
}
