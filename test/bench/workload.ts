import {
  addAdjustment,
  assignScheme,
  centralBoard,
  unitStaff,
  defineCluster,
  openPeriod,
  registerPledges,
  reviewScore,
  submitResults,
  type Command,
} from '@thidua/gateway';
import type { SchemeInput } from '@thidua/schema';
import { demoScheme } from '../../infra/src/demo/demo-scheme.ts';

/** The size of a benchmark run. */
export interface Preset {
  name: string;
  clusters: number;
  unitsPerCluster: number;
  /** Submissions and revisions over both periods; at least one per unit and period. */
  submissions: number;
  /** Share of units whose last version comes after the deadline. */
  lateShare: number;
  /** Share of units that register pledges (their own targets). */
  pledgeShare: number;
  /** Share of revised unit-periods that also get a review and a bonus or deduction item. */
  reviewShare: number;
  /** Seconds of the ranking query at 20 connections (each endpoint). */
  querySeconds: number;
  /** Mutations per second and seconds of the submit → visible measure. */
  visibleRate: number;
  visibleSeconds: number;
  seed: number;
}

export const presets: Record<string, Preset> = {
  quick: {
    name: 'quick',
    clusters: 5,
    unitsPerCluster: 10,
    submissions: 300,
    lateShare: 0.04,
    pledgeShare: 0.2,
    reviewShare: 0.2,
    querySeconds: 5,
    visibleRate: 50,
    visibleSeconds: 5,
    seed: 7,
  },
  demo: {
    name: 'demo',
    clusters: 1,
    unitsPerCluster: 14,
    submissions: 30,
    lateShare: 0.07,
    pledgeShare: 0.2,
    reviewShare: 0.5,
    querySeconds: 10,
    visibleRate: 50,
    visibleSeconds: 10,
    seed: 2,
  },
  // A tenth of national, to compare per-event costs in a few minutes on a busy machine.
  regional: {
    name: 'regional',
    clusters: 10,
    unitsPerCluster: 50,
    submissions: 10_000,
    lateShare: 0.02,
    pledgeShare: 0.2,
    reviewShare: 0.02,
    querySeconds: 5,
    visibleRate: 100,
    visibleSeconds: 10,
    seed: 10,
  },
  national: {
    name: 'national',
    clusters: 100,
    unitsPerCluster: 50,
    submissions: 100_000,
    lateShare: 0.02,
    pledgeShare: 0.2,
    reviewShare: 0.02,
    querySeconds: 20,
    visibleRate: 200,
    visibleSeconds: 30,
    seed: 100,
  },
};

/** One command of the workload, at its moment, for one cluster. */
export interface WorkloadStep {
  at: Date;
  clusterCode: string;
  kind: 'setup' | 'submission' | 'review' | 'adjustment';
  command: Command<unknown>;
}

export interface UnitPeriod {
  clusterCode: string;
  unitCode: string;
  periodId: string;
  /** How many versions the workload submits: the last one is the counted one. */
  versions: number;
}

export interface Workload {
  preset: Preset;
  year: number;
  periods: readonly string[];
  clusters: { code: string; members: string[] }[];
  scheme: SchemeInput;
  /** Every cluster's steps, in time order within the cluster. */
  steps: Map<string, WorkloadStep[]>;
  unitPeriods: UnitPeriod[];
  counts: {
    setup: number;
    submissions: number;
    revisions: number;
    late: number;
    reviews: number;
    adjustments: number;
  };
}

/** mulberry32: a tiny seeded generator, enough for a reproducible workload. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** hundredths → "12.34" */
const decimalOf = (hundredths: number) =>
  `${Math.floor(hundredths / 100)}.${pad(hundredths % 100)}`;

/** Plausible magnitudes of the COUNT indicators of the demo scheme; others get 0–40. */
const countRanges: Record<string, [number, number]> = {
  cadresPlanned: [150, 320],
  cadresTrained: [250, 500],
  newPartyMembersAdmitted: [500, 2200],
  districtLevelOfficialsRemoved: [0, 6],
  provincialCommitteeMembersRemoved: [0, 2],
};

export function clusterCodeOf(index: number): string {
  return `cum-${pad(index + 1, 3)}`;
}

export function unitCodeOf(cluster: number, unit: number): string {
  return `don-vi-${pad(cluster + 1, 3)}-${pad(unit + 1)}`;
}

/** Figures for one version of a unit's results, valid against the scheme. */
export function figuresOf(
  scheme: SchemeInput,
  random: () => number,
): {
  indicators: { code: string; value: string }[];
  selfScores: { criterion: string; score: string }[];
} {
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const indicators = scheme.indicators.map(({ code, kind }) => {
    if (kind === 'YES_NO') return { code, value: random() < 0.9 ? '1' : '0' };
    if (kind === 'PERCENT') return { code, value: decimalOf(int(5_000, 10_000)) };
    const [low, high] = countRanges[code] ?? [0, 40];
    return { code, value: String(int(low, high)) };
  });
  const selfScores = scheme.headings.flatMap((heading) =>
    heading.criteria.flatMap((criterion) => {
      if (criterion.method !== 'SELF_ASSESSED') return [];
      const maxQuarters = Number(criterion.maxPoints) * 4;
      return [
        { criterion: criterion.code, score: decimalOf(int(maxQuarters / 2, maxQuarters) * 25) },
      ];
    }),
  );
  return { indicators, selfScores };
}

/** A moment, as an instant in Asia/Ho_Chi_Minh, `minutes` after `base`. */
const after = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

/**
 * The workload of a preset: every cluster defined with its members, the demo scheme (every
 * criterion method), pledges of some units, H1 and FY opened, then each unit's submissions and
 * revisions spread over the weeks before the deadline (a few after it), with reviews and bonus or
 * deduction items between a revised unit's first and last version. Same preset, same workload.
 */
export function generateWorkload(preset: Preset, year = 2025): Workload {
  const random = seededRandom(preset.seed);
  const scheme = demoScheme(year);
  const periods = [`${year}-H1`, `${year}-FY`];
  const calendar = {
    [`${year}-H1`]: {
      opened: `${year}-06-01T08:00:00+07:00`,
      deadline: `${year}-07-10T17:00:00+07:00`,
    },
    [`${year}-FY`]: {
      opened: `${year}-11-15T08:00:00+07:00`,
      deadline: `${year}-12-20T17:00:00+07:00`,
    },
  };
  const clusters = Array.from({ length: preset.clusters }, (_, c) => ({
    code: clusterCodeOf(c),
    members: Array.from({ length: preset.unitsPerCluster }, (_, u) => unitCodeOf(c, u)),
  }));

  // Versions per unit-period: one each, then the revisions spread at random.
  const unitPeriods: UnitPeriod[] = clusters.flatMap((cluster) =>
    periods.flatMap((periodId) =>
      cluster.members.map((unitCode) => ({
        clusterCode: cluster.code,
        unitCode,
        periodId,
        versions: 1,
      })),
    ),
  );
  const revisions = Math.max(0, preset.submissions - unitPeriods.length);
  for (let i = 0; i < revisions; i++) {
    const target = unitPeriods[Math.floor(random() * unitPeriods.length)];
    if (target !== undefined) target.versions += 1;
  }

  const counts = { setup: 0, submissions: 0, revisions, late: 0, reviews: 0, adjustments: 0 };
  const steps = new Map<string, WorkloadStep[]>();
  const targeted = scheme.headings.flatMap((h) =>
    h.criteria.flatMap((c) => (c.method === 'TARGET' ? [c.indicator] : [])),
  );
  const selfAssessed = scheme.headings.flatMap((h) =>
    h.criteria.flatMap((c) => (c.method === 'SELF_ASSESSED' ? [c] : [])),
  );

  for (const cluster of clusters) {
    const lead = cluster.members[0] ?? null;
    const list: WorkloadStep[] = [];
    const setup = (at: string, command: Command<unknown>) => {
      list.push({ at: new Date(at), clusterCode: cluster.code, kind: 'setup', command });
      counts.setup += 1;
    };
    setup(
      `${year}-01-06T09:00:00+07:00`,
      defineCluster({
        clusterCode: cluster.code,
        name: `Cụm thi đua số ${cluster.code.slice(4)}`,
        year,
        members: cluster.members.map((unitCode, u) => ({
          unitCode,
          name: `Ban Tổ chức Tỉnh ủy số ${cluster.code.slice(4)}-${pad(u + 1)}`,
        })),
        lead,
        actor: centralBoard('bench'),
      }),
    );
    setup(
      `${year}-01-08T09:00:00+07:00`,
      assignScheme({ clusterCode: cluster.code, scheme, actor: centralBoard('bench') }),
    );
    cluster.members.forEach((unitCode, u) => {
      if (random() >= preset.pledgeShare) return;
      setup(
        `${year}-02-01T${pad(8 + (u % 9))}:00:00+07:00`,
        registerPledges({
          unitCode,
          actor: unitStaff(unitCode),
          year,
          targets: targeted.map((indicator) => ({
            indicator,
            target: String(10 + Math.floor(random() * 90)),
          })),
        }),
      );
    });
    for (const periodId of periods) {
      const dates = calendar[periodId];
      if (dates === undefined) continue;
      const opened = new Date(dates.opened);
      list.push({
        at: opened,
        clusterCode: cluster.code,
        kind: 'setup',
        command: openPeriod({
          clusterCode: cluster.code,
          periodId,
          deadline: dates.deadline,
          actor: centralBoard('bench'),
        }),
      });
      counts.setup += 1;
      const window = (Date.parse(dates.deadline) - opened.getTime()) / 60_000;
      for (const up of unitPeriods) {
        if (up.clusterCode !== cluster.code || up.periodId !== periodId) continue;
        const late = random() < preset.lateShare;
        // Versions at increasing minutes inside the window; a late unit's last one after the deadline.
        const minutes = Array.from({ length: up.versions }, () =>
          Math.floor(random() * (window - 60)),
        ).sort((a, b) => a - b);
        if (late) {
          counts.late += 1;
          minutes[minutes.length - 1] = window + 30 + Math.floor(random() * 2880);
        }
        minutes.forEach((minute, v) => {
          list.push({
            at: after(opened, minute + v / 1000),
            clusterCode: cluster.code,
            kind: 'submission',
            command: submitResults({
              unitCode: up.unitCode,
              actor: unitStaff(up.unitCode),
              periodId,
              ...figuresOf(scheme, random),
            }),
          });
          counts.submissions += 1;
        });
        const first = minutes[0] ?? 0;
        if (up.versions < 2 || up.unitCode === lead || lead === null) continue;
        if (random() >= preset.reviewShare) continue;
        // Right after the first version, before the second, so the counted scorecard reflects them.
        const between = after(opened, first + 0.0001);
        const criterion = selfAssessed[Math.floor(random() * selfAssessed.length)];
        if (criterion !== undefined) {
          list.push({
            at: between,
            clusterCode: cluster.code,
            kind: 'review',
            command: reviewScore({
              unitCode: up.unitCode,
              periodId,
              criterion: criterion.code,
              reviewedScore: decimalOf(Math.floor(Number(criterion.maxPoints) * 50)),
              reason: 'Minh chứng chưa đầy đủ',
              reviewer: unitStaff(lead),
            }),
          });
          counts.reviews += 1;
        }
        const bonus = random() < 0.5;
        list.push({
          at: after(between, 0.0001),
          clusterCode: cluster.code,
          kind: 'adjustment',
          command: addAdjustment(bonus ? 'BONUS' : 'DEDUCTION', {
            unitCode: up.unitCode,
            periodId,
            points: bonus ? '1.00' : '0.50',
            reason: bonus ? 'Mô hình mới, cách làm hay' : 'Báo cáo chậm',
            addedBy: unitStaff(lead),
          }),
        });
        counts.adjustments += 1;
      }
    }
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    steps.set(cluster.code, list);
  }
  return { preset, year, periods, clusters, scheme, steps, unitPeriods, counts };
}
