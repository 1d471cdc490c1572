import { chunksOf, pairIn } from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { ScoringDatabase } from './database.ts';
import type { ScorecardRow, ScoringChanges } from './state.ts';

/** Writes a batch's fact rows, a statement per table and chunk. */
export async function writeChanges(
  trx: Transaction<ScoringDatabase>,
  changes: ScoringChanges,
): Promise<void> {
  for (const chunk of chunksOf(changes.clusters)) {
    await trx
      .insertInto('clusters')
      .values(
        chunk.map((c) => ({
          cluster_code: c.clusterCode,
          year: c.year,
          members: JSON.stringify(c.members),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year'])
          .doUpdateSet((eb) => ({ members: eb.ref('excluded.members') })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.deadlines)) {
    await trx
      .insertInto('periods')
      .values(
        chunk.map((p) => ({
          cluster_code: p.clusterCode,
          period_id: p.periodId,
          deadline: p.deadline,
          closed: false,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'period_id'])
          .doUpdateSet((eb) => ({ deadline: eb.ref('excluded.deadline') })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.closed)) {
    await trx
      .updateTable('periods')
      .set({ closed: true })
      .where(
        pairIn(
          ['cluster_code', 'period_id'],
          chunk.map((p) => p.clusterCode),
          chunk.map((p) => p.periodId),
          'text',
        ),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.schemes)) {
    await trx
      .insertInto('schemes')
      .values(
        chunk.map((s) => ({
          cluster_code: s.clusterCode,
          year: s.year,
          scheme: JSON.stringify(s.scheme),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year'])
          .doUpdateSet((eb) => ({ scheme: eb.ref('excluded.scheme') })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.pledges)) {
    await trx
      .insertInto('pledges')
      .values(
        chunk.map((p) => ({
          cluster_code: p.clusterCode,
          year: p.year,
          unit_code: p.unitCode,
          targets: JSON.stringify(p.targets),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['cluster_code', 'year', 'unit_code'])
          .doUpdateSet((eb) => ({ targets: eb.ref('excluded.targets') })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.reviews)) {
    await trx
      .insertInto('reviews')
      .values(
        chunk.map((r) => ({
          cluster_code: r.clusterCode,
          period_id: r.periodId,
          unit_code: r.unitCode,
          criterion: r.criterion,
          reviewed_score: r.reviewedScore,
          reason: r.reason,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code', 'criterion']).doUpdateSet((eb) => ({
          reviewed_score: eb.ref('excluded.reviewed_score'),
          reason: eb.ref('excluded.reason'),
        })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.indicatorReviews)) {
    await trx
      .insertInto('indicator_reviews')
      .values(
        chunk.map((r) => ({
          cluster_code: r.clusterCode,
          period_id: r.periodId,
          unit_code: r.unitCode,
          indicator: r.indicator,
          reviewed_value: r.reviewedValue,
          reason: r.reason,
          reviewer: r.reviewer,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code', 'indicator']).doUpdateSet((eb) => ({
          reviewed_value: eb.ref('excluded.reviewed_value'),
          reason: eb.ref('excluded.reason'),
          reviewer: eb.ref('excluded.reviewer'),
        })),
      )
      .execute();
  }
  for (const chunk of chunksOf(changes.adjustments)) {
    await trx
      .insertInto('adjustments')
      .values(
        chunk.map((a) => ({
          item_id: a.itemId,
          cluster_code: a.clusterCode,
          period_id: a.periodId,
          unit_code: a.unitCode,
          kind: a.kind,
          points: a.points,
          reason: a.reason,
          disqualifying: a.disqualifying,
        })),
      )
      .onConflict((oc) => oc.column('item_id').doNothing())
      .execute();
  }
  // decide has already kept only versions newer than the counted ones.
  for (const chunk of chunksOf(changes.submissions)) {
    await trx
      .insertInto('submissions')
      .values(
        chunk.map(({ clusterCode, periodId, submission }) => ({
          cluster_code: clusterCode,
          period_id: periodId,
          unit_code: submission.unitCode,
          submission_version: submission.submissionVersion,
          submission: JSON.stringify(submission),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code']).doUpdateSet((eb) => ({
          submission_version: eb.ref('excluded.submission_version'),
          submission: eb.ref('excluded.submission'),
        })),
      )
      .execute();
  }
}

/** Writes the changed scorecards with their fingerprints, a statement per chunk. */
export async function writeScorecards(
  trx: Transaction<ScoringDatabase>,
  scorecards: readonly ScorecardRow[],
): Promise<void> {
  for (const chunk of chunksOf(scorecards)) {
    await trx
      .insertInto('scorecards')
      .values(
        chunk.map(({ clusterCode, scorecard, json, fingerprint }) => ({
          cluster_code: clusterCode,
          period_id: scorecard.periodId,
          unit_code: scorecard.unitCode,
          scorecard: json,
          fingerprint,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_code', 'period_id', 'unit_code']).doUpdateSet((eb) => ({
          scorecard: eb.ref('excluded.scorecard'),
          fingerprint: eb.ref('excluded.fingerprint'),
        })),
      )
      .execute();
  }
}
