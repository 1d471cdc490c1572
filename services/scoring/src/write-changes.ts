import {
  chunksOf,
  clusterPeriodColumns,
  clusterPeriodKey,
  clusterYearColumns,
  clusterYearKey,
  pairIn,
  upsertRows,
} from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { ScoringDatabase } from './database.ts';
import type { ScorecardRow, ScoringChanges } from './state.ts';

const unitKey = [...clusterPeriodKey, 'unit_code'] as const;

/** Writes a batch's fact rows, a statement per table and chunk. */
export async function writeChanges(
  trx: Transaction<ScoringDatabase>,
  changes: ScoringChanges,
): Promise<void> {
  const { clusters, deadlines, closed, schemes, pledges, reviews, indicatorReviews } = changes;
  await upsertRows(
    trx,
    'clusters',
    clusterYearKey,
    clusters.map((c) => ({ ...clusterYearColumns(c), members: JSON.stringify(c.members) })),
  );
  // An opened period is kept open; a deadline is all an existing one's row changes.
  await upsertRows(
    trx,
    'periods',
    clusterPeriodKey,
    deadlines.map((p) => ({ ...clusterPeriodColumns(p), deadline: p.deadline })),
  );
  for (const chunk of chunksOf(closed)) {
    const inClosed = pairIn(
      clusterPeriodKey,
      chunk.map((p) => p.clusterCode),
      chunk.map((p) => p.periodId),
      'text',
    );
    await trx.updateTable('periods').set({ closed: true }).where(inClosed).execute();
  }
  await upsertRows(
    trx,
    'schemes',
    clusterYearKey,
    schemes.map((s) => ({ ...clusterYearColumns(s), scheme: JSON.stringify(s.scheme) })),
  );
  await upsertRows(
    trx,
    'pledges',
    [...clusterYearKey, 'unit_code'],
    pledges.map((p) => ({
      ...clusterYearColumns(p),
      unit_code: p.unitCode,
      targets: JSON.stringify(p.targets),
    })),
  );
  await upsertRows(
    trx,
    'reviews',
    [...unitKey, 'criterion'],
    reviews.map((r) => ({
      ...clusterPeriodColumns(r),
      unit_code: r.unitCode,
      criterion: r.criterion,
      reviewed_score: r.reviewedScore,
      reason: r.reason,
    })),
  );
  await upsertRows(
    trx,
    'indicator_reviews',
    [...unitKey, 'indicator'],
    indicatorReviews.map((r) => ({
      ...clusterPeriodColumns(r),
      unit_code: r.unitCode,
      indicator: r.indicator,
      reviewed_value: r.reviewedValue,
      reason: r.reason,
      reviewer: r.reviewer,
    })),
  );
  // One a statement: items are numbered by a sequence in the order given, which a multi-row insert
  // does not promise.
  for (const item of changes.adjustments) {
    const row = {
      ...clusterPeriodColumns(item),
      item_id: item.itemId,
      unit_code: item.unitCode,
      kind: item.kind,
      points: item.points,
      reason: item.reason,
      disqualifying: item.disqualifying,
    };
    await upsertRows(trx, 'adjustments', ['item_id'], [row], 'keep');
  }
  // decide has kept only versions newer than the counted ones.
  await upsertRows(
    trx,
    'submissions',
    unitKey,
    changes.submissions.map(({ submission, ...period }) => ({
      ...clusterPeriodColumns(period),
      unit_code: submission.unitCode,
      submission_version: submission.submissionVersion,
      submission: JSON.stringify(submission),
    })),
  );
}

/** Writes the changed scorecards with their fingerprints, a statement per chunk. */
export async function writeScorecards(
  trx: Transaction<ScoringDatabase>,
  scorecards: readonly ScorecardRow[],
): Promise<void> {
  await upsertRows(
    trx,
    'scorecards',
    unitKey,
    scorecards.map(({ clusterCode, scorecard, json, fingerprint }) => ({
      cluster_code: clusterCode,
      period_id: scorecard.periodId,
      unit_code: scorecard.unitCode,
      scorecard: json,
      fingerprint,
    })),
  );
}
