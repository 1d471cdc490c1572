import { makeEvent } from '@thidua/schema';
import { randomUUID } from 'node:crypto';

// The lead's and the central board's facts about a unit's 2026-H1 that scoring's tests give, beside
// those of test/support/given-events.ts.

const envelope = (clusterCode: string) => ({
  id: randomUUID(),
  occurredAt: '2026-07-20T00:00:00Z',
  source: 'gateway' as const,
  clusterCode,
  causationId: null,
});

export const deadlineSet = (clusterCode: string, periodId: string, deadline: string) =>
  makeEvent('DeadlineSet', { ...envelope(clusterCode), data: { periodId, deadline } });

/** The reviewed score of criterion `criterion`, a SELF_ASSESSED one. */
export const scoreReviewed = (
  clusterCode: string,
  unitCode: string,
  criterion: string,
  reviewedScore: string,
) =>
  makeEvent('ScoreReviewed', {
    ...envelope(clusterCode),
    data: {
      unitCode,
      periodId: '2026-H1',
      criterion,
      reviewedScore,
      reason: 'Thẩm định lại',
      reviewer: 'central',
    },
  });

/** The reviewed value of indicator `documents`. */
export const indicatorReviewed = (clusterCode: string, unitCode: string, reviewedValue: string) =>
  makeEvent('IndicatorReviewed', {
    ...envelope(clusterCode),
    data: {
      unitCode,
      periodId: '2026-H1',
      indicator: 'documents',
      reviewedValue,
      submissionVersion: 1,
      reason: 'Số liệu chưa khớp',
      reviewer: 'central',
    },
  });

export const bonusAdded = (clusterCode: string, unitCode: string, itemId: string, points: string) =>
  makeEvent('BonusAdded', {
    ...envelope(clusterCode),
    data: {
      itemId,
      unitCode,
      periodId: '2026-H1',
      points,
      reason: 'Mô hình mới',
      addedBy: 'central',
    },
  });
