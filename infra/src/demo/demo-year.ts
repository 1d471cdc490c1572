import {
  addAdjustment,
  assignScheme,
  closePeriod,
  defineCluster,
  openPeriod,
  reviewScore,
  submitResults,
} from '@thidua/gateway';
import { demoBoard, demoStaff } from './demo-actors.ts';
import { demoFigures } from './demo-figures.ts';
import type { DemoCluster } from './demo-clusters.ts';
import { demoScheme } from './demo-scheme.ts';
import type { DemoStep } from './demo-step.ts';

const year = 2023;
const two = (n: number) => String(n).padStart(2, '0');
/** A moment of 2023 in Asia/Ho_Chi_Minh. */
const at = (month: number, day: number, hour: number, minute = 0) =>
  `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00+07:00`;

/**
 * One cluster's 2023 on its own calendar: the cluster and scheme in January; the semi-annual period
 * (H1) with one late unit and one revision, closed at the review in mid-July; the year-end period
 * (FY) with one late and one missing unit, reviews, a bonus and a deduction, closed on 20 December.
 */
export function demoYear(cluster: DemoCluster): DemoStep[] {
  const { code: clusterCode, members } = cluster;
  const unit = (index: number) => members[index % members.length]?.unitCode ?? '';
  const steps: DemoStep[] = [
    {
      at: at(1, 10, 9),
      command: defineCluster({
        clusterCode,
        name: cluster.name,
        year,
        members: cluster.members,
        lead: cluster.lead,
        deputies: cluster.deputies,
        actor: demoBoard,
      }),
    },
    {
      at: at(1, 12, 9),
      command: assignScheme({ clusterCode, scheme: demoScheme(year), actor: demoBoard }),
    },
    {
      at: at(6, 1, 8),
      command: openPeriod({
        clusterCode,
        periodId: `${year}-H1`,
        deadline: at(7, 10, 17),
        actor: demoBoard,
      }),
    },
  ];

  // H1: everyone submits; the third unit a day late; the ninth revises a self-score before the deadline.
  members.forEach((member, index) => {
    const figures = demoFigures({ index, period: 'H1', shared: cluster.publishedH1 });
    const when =
      index === lateH1(cluster) ? at(7, 11, 19, 30) : at(7, 3 + (index % 7), 8 + (index % 9), 15);
    steps.push({
      at: when,
      command: submitResults({
        unitCode: member.unitCode,
        periodId: `${year}-H1`,
        ...figures,
        actor: demoStaff(member.unitCode),
      }),
    });
  });
  const reviser = 8 % members.length;
  const revised = demoFigures({ index: reviser, period: 'H1', shared: cluster.publishedH1 });
  steps.push({
    at: at(7, 10, 10),
    command: submitResults({
      unitCode: unit(reviser),
      actor: demoStaff(unit(reviser)),
      periodId: `${year}-H1`,
      indicators: revised.indicators,
      selfScores: revised.selfScores.map((s) =>
        s.criterion === '1.2' ? { ...s, score: '5.75' } : s,
      ),
    }),
  });
  steps.push({
    at: at(7, 15, 18),
    command: closePeriod({ clusterCode, periodId: `${year}-H1`, actor: demoStaff(cluster.lead) }),
  });

  // FY: the last-but-one member does not submit; the sixth submits two days late.
  steps.push({
    at: at(11, 1, 8),
    command: openPeriod({
      clusterCode,
      periodId: `${year}-FY`,
      deadline: at(12, 10, 17),
      actor: demoBoard,
    }),
  });
  const missing = members.length - 2;
  members.forEach((member, index) => {
    if (index === missing) return;
    const when = index === 5 ? at(12, 12, 9) : at(12, 1 + (index % 9), 8 + (index % 9), 30);
    steps.push({
      at: when,
      command: submitResults({
        unitCode: member.unitCode,
        periodId: `${year}-FY`,
        ...demoFigures({ index, period: 'FY' }),
        actor: demoStaff(member.unitCode),
      }),
    });
  });
  const reviewed = unit(8) === cluster.lead ? unit(7) : unit(8);
  steps.push({
    at: at(12, 14, 9),
    command: reviewScore({
      unitCode: reviewed,
      periodId: `${year}-FY`,
      criterion: '1.2',
      reviewedScore: '4.50',
      reason: 'Đề án tham mưu chưa có đánh giá tác động',
      reviewer: demoStaff(cluster.lead),
    }),
  });
  steps.push({
    at: at(12, 14, 10),
    command: reviewScore({
      unitCode: cluster.lead,
      periodId: `${year}-FY`,
      criterion: '2.1',
      reviewedScore: '4.50',
      reason: 'Một đơn vị trực thuộc chưa kiện toàn xong',
      reviewer: cluster.deputies[0] === undefined ? demoBoard : demoStaff(cluster.deputies[0]),
    }),
  });
  steps.push({
    at: at(12, 15, 9),
    command: addAdjustment('BONUS', {
      unitCode: unit(3),
      periodId: `${year}-FY`,
      points: '2',
      reason: 'Mô hình đổi mới được Ban Tổ chức Trung ương ghi nhận',
      addedBy: demoBoard,
    }),
  });
  steps.push({
    at: at(12, 15, 10),
    command: addAdjustment('DEDUCTION', {
      unitCode: unit(10) === cluster.lead ? unit(9) : unit(10),
      periodId: `${year}-FY`,
      points: '1',
      reason: 'Chậm gửi báo cáo chuyên đề',
      addedBy: demoStaff(cluster.lead),
      disqualifying: false,
    }),
  });
  steps.push({
    at: at(12, 20, 17),
    command: closePeriod({ clusterCode, periodId: `${year}-FY`, actor: demoStaff(cluster.lead) }),
  });
  return steps;
}

/** Cluster No. 2's Lạng Sơn was the late one; elsewhere, the third member. */
function lateH1(cluster: DemoCluster): number {
  const langSon = cluster.members.findIndex((m) => m.unitCode === 'lang-son');
  return langSon >= 0 ? langSon : 2;
}
