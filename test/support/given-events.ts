import {
  makeEvent,
  scheme,
  type Classification,
  type ContestEvent,
  type EventOf,
  type SchemeInput,
  type ScoresEvent,
  type StandingEntry,
} from '@thidua/schema';
import { demoScheme } from './scheme.ts';

// Events as the consuming services receive them, for their decision and projection tests; each
// numbered, so a test can tell which caused what.
let sequence = 0;
const envelope = (clusterCode: string) => {
  sequence += 1;
  const n = String(sequence).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${n}`,
    occurredAt: `2026-07-01T00:00:${String(sequence % 60).padStart(2, '0')}Z`,
    source: 'gateway' as const,
    clusterCode,
    causationId: null,
  };
};

export const clusterDefined = (clusterCode: string, year: number, units: string[]) =>
  makeEvent('ClusterDefined', {
    ...envelope(clusterCode),
    data: {
      name: `Cụm ${clusterCode}`,
      year,
      members: units.map((unitCode) => ({ unitCode, name: `Đơn vị ${unitCode}`, mergedFrom: [] })),
      lead: null,
      deputies: [],
    },
  });

export const periodOpened = (clusterCode: string, periodId: string) =>
  makeEvent('PeriodOpened', {
    ...envelope(clusterCode),
    data: { periodId, deadline: '2026-07-15T17:00:00+07:00' },
  });

export const resultsSubmitted = (
  clusterCode: string,
  periodId: string,
  unitCode: string,
  submissionVersion: number,
  indicators: Record<string, string>,
  submittedAt = '2026-07-10T09:00:00+07:00',
) =>
  makeEvent('ResultsSubmitted', {
    ...envelope(clusterCode),
    data: { unitCode, periodId, submissionVersion, submittedAt, indicators, selfScores: {} },
  });

export const periodClosed = (clusterCode: string, periodId: string) =>
  makeEvent('PeriodClosed', { ...envelope(clusterCode), data: { periodId } });

export const scorecard = (
  clusterCode: string,
  periodId: string,
  unitCode: string,
  submissionVersion: number,
  total: string,
  classification: Classification = 'TOT',
): EventOf<'ScorecardComputed'> =>
  makeEvent('ScorecardComputed', {
    ...envelope(clusterCode),
    source: 'scoring',
    data: {
      unitCode,
      periodId,
      submissionVersion,
      submittedAt: '2026-07-10T09:00:00+07:00',
      onTime: true,
      criteria: [],
      criteriaSum: total,
      bonusItems: [],
      bonus: '0.00',
      deductionItems: [],
      lateness: '0.00',
      deductions: '0.00',
      total,
      classification,
      disqualified: false,
    },
  });

export type RankingEvent = ContestEvent | ScoresEvent;

/** The demo scheme of `year`, with the award quotas and any other fields given. */
export const schemeAssigned = (
  clusterCode: string,
  year: number,
  quotas: { flagQuota: number; meritQuota: { count: number } },
  fields: Partial<SchemeInput> = {},
) =>
  makeEvent('SchemeAssigned', {
    ...envelope(clusterCode),
    data: { scheme: scheme.parse({ ...demoScheme(year), ...quotas, ...fields }) },
  });

/** Standings ranking the units in the order given, each with a scorecard of `classification`. */
export const standingsChanged = (
  clusterCode: string,
  periodId: string,
  revision: number,
  units: string[],
) =>
  makeEvent('StandingsChanged', {
    ...envelope(clusterCode),
    source: 'ranking',
    data: {
      periodId,
      revision,
      entries: units.map((unitCode, index): StandingEntry => ({
        unitCode,
        unitName: `Đơn vị ${unitCode}`,
        status: 'RANKED',
        rank: index + 1,
        total: String(90 - index),
        criteriaSum: String(90 - index),
        deductions: '0.00',
        classification: 'XUAT_SAC',
        submittedAt: '2026-12-10T09:00:00+07:00',
        movement: null,
      })),
    },
  });

export const awardDecided = (
  clusterCode: string,
  year: number,
  unitCode: string,
  award: 'FLAG' | 'MERIT',
) =>
  makeEvent('AwardDecided', {
    ...envelope(clusterCode),
    data: {
      year,
      unitCode,
      award,
      decision: 'APPROVE',
      reason: 'Đủ điều kiện',
      decisionNumber: '12/QĐ-UBND',
      decidedOn: '2027-01-15',
      signer: 'Chủ tịch',
    },
  });
