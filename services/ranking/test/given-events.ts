import { makeEvent, type ContestEvent, type EventOf, type ScoresEvent } from '@thidua/schema';

// Events as the ranking service receives them, numbered so each test can tell which caused what.
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

export const periodClosed = (clusterCode: string, periodId: string) =>
  makeEvent('PeriodClosed', { ...envelope(clusterCode), data: { periodId } });

export const scorecard = (
  clusterCode: string,
  periodId: string,
  unitCode: string,
  submissionVersion: number,
  total: string,
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
      classification: 'TOT',
      disqualified: false,
    },
  });

export type RankingEvent = ContestEvent | ScoresEvent;
