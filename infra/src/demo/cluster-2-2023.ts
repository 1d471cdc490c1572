import {
  assignScheme,
  defineCluster,
  openPeriod,
  submitResults,
  type SubmitResultsInput,
} from '@thidua/gateway';
import facts from '../../demo/data/cluster-2-2023.json' with { type: 'json' };
import { demoScheme } from './demo-scheme.ts';
import type { DemoStep } from './demo-step.ts';
import { splitTotal } from './split-total.ts';

/** Rough relative sizes of the provinces' Party organisations, to share the published totals. */
const weights = [8, 7, 6, 12, 6, 6, 7, 5, 12, 7, 6, 4, 6, 5];

export const cluster2 = {
  code: facts.cluster.code,
  name: facts.cluster.name,
  year: facts.year,
  members: facts.members.map((m) => ({
    unitCode: m.code,
    name: `Ban Tổ chức ${m.code === 'hai-phong' ? 'Thành ủy' : 'Tỉnh ủy'} ${m.province}`,
  })),
};

const h1 = facts.h1Review.period;
/** 17:00 on 10 July 2023 in Asia/Ho_Chi_Minh, a few days before the H1 review of 15 July. */
const h1Deadline = '2023-07-10T17:00:00+07:00';

/** A self-score a little under the criterion's maximum, varied by unit, in quarter points. */
function selfScore(max: number, index: number, criterion: number): string {
  const quarters = max * 4 - ((index * 3 + criterion * 5) % 5);
  return `${Math.floor(quarters / 4)}.${String((quarters % 4) * 25).padStart(2, '0')}`;
}

function submissionOf(index: number): Omit<SubmitResultsInput, 'unitCode' | 'periodId'> {
  const totals = facts.h1Review.clusterTotals;
  const share = (total: number) => splitTotal(total, weights)[index] ?? 0;
  const indicators: Record<string, string> = {
    documentsAdvisedToStandingCommittee: String(share(totals.documentsAdvisedToStandingCommittee)),
    newPartyOrganizationsInEnterprises: String(share(totals.newPartyOrganizationsInEnterprises)),
    newPartyMembersAdmitted: String(share(totals.newPartyMembersAdmitted)),
    provincialCommitteeMembersRemoved: String(share(totals.provincialCommitteeMembersRemoved)),
    districtLevelOfficialsRemoved: String(share(totals.districtLevelOfficialsRemoved)),
    workProgrammeCompleted: index % 9 === 4 ? '0' : '1',
    assignedTasksCompletedPercent: String(100 - ((index * 3) % 13)),
    staffReductionPercent: `${6 + (index % 5)}.${String((index * 13) % 100).padStart(2, '0')}`,
    staffingRulesComplied: '1',
    cadresPlanned: String(215 + ((index * 37) % 60)),
    cadresTrained: String(350 + ((index * 53) % 90)),
    grassrootsExcellentPercent: `${12 + (index % 11)}.50`,
    politicalCasesResolvedPercent: String(92 + (index % 9)),
    noComplexIncidents: index === 11 ? '0' : '1',
    digitalRecordsPercent: String(75 + ((index * 11) % 26)),
    officeRatedClean: '1',
  };
  const selfAssessed: [string, number][] = [
    ['1.2', 6],
    ['1.3', 4],
    ['2.1', 5],
    ['3.3', 4],
    ['3.4', 3],
    ['4.5', 3],
    ['5.1', 4],
    ['6.1', 3],
    ['6.4', 2],
  ];
  return {
    indicators: Object.entries(indicators).map(([code, value]) => ({ code, value })),
    selfScores: selfAssessed.map(([criterion, max], c) => ({
      criterion,
      score: selfScore(max, index, c),
    })),
  };
}

/**
 * Cluster No. 2's first half of 2023, replayed on its own calendar: the cluster and its scheme in
 * January, the period opened in June, the 14 submissions around the deadline (Lạng Sơn a day
 * late, Nghệ An revising its figures), so the H1 summary shows the published cluster totals.
 */
export function cluster2FirstHalf2023(): DemoStep[] {
  const steps: DemoStep[] = [
    {
      at: '2023-01-10T09:00:00+07:00',
      command: defineCluster({
        clusterCode: cluster2.code,
        name: cluster2.name,
        year: cluster2.year,
        members: cluster2.members,
        lead: facts.lead,
      }),
    },
    {
      at: '2023-01-12T09:00:00+07:00',
      command: assignScheme({ clusterCode: cluster2.code, scheme: demoScheme(2023) }),
    },
    {
      at: '2023-06-01T08:00:00+07:00',
      command: openPeriod({ clusterCode: cluster2.code, periodId: h1, deadline: h1Deadline }),
    },
  ];
  cluster2.members.forEach((member, index) => {
    const late = member.unitCode === 'lang-son';
    const at = late
      ? '2023-07-11T19:30:00+07:00'
      : `2023-07-${String(3 + (index % 7)).padStart(2, '0')}T${String(8 + (index % 9)).padStart(2, '0')}:15:00+07:00`;
    steps.push({
      at,
      command: submitResults({ unitCode: member.unitCode, periodId: h1, ...submissionOf(index) }),
    });
  });
  const revising = cluster2.members.findIndex((m) => m.unitCode === 'nghe-an');
  const revision = submissionOf(revising);
  steps.push({
    at: '2023-07-10T10:00:00+07:00',
    command: submitResults({
      unitCode: 'nghe-an',
      periodId: h1,
      // A corrected self-score; the indicators stay as first reported.
      indicators: revision.indicators,
      selfScores: revision.selfScores.map((s) =>
        s.criterion === '1.2' ? { ...s, score: '5.75' } : s,
      ),
    }),
  });
  return steps;
}
