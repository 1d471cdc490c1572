import {
  chunksOf,
  runPipeline,
  StaleSet,
  type BatchContext,
  type BatchDecision,
  type BatchPipeline,
  type ClusterPeriod,
  type Stale,
} from '@thidua/kit';
import type { ContestEvent } from '@thidua/schema';
import {
  applyEvent,
  applySubmissions,
  emptyPending,
  type PlacedSubmission,
} from './apply-event.ts';
import type { ScoringDatabase } from './database.ts';
import { loadInputs, loadState } from './load-state.ts';
import { recompute } from './recompute.ts';
import type { PeriodInputs, RescoreChanges, ScoringChanges, ScoringState } from './state.ts';
import { writeChanges, writeScorecards } from './write-changes.ts';

/** How many periods are scored together: 8 × 50 units' scorecards are about 2 MB of JSON. */
const periodsAtOnce = 8;

/**
 * A batch's facts decided in pure code: applies the events one by one to a copy of the loaded
 * state and says which periods they made stale, each once. Submissions, nearly every event of a
 * busy batch, are applied after the other facts; each kind of fact has its own table, so the two
 * orders leave the same state. Nothing is emitted until the stale periods are scored.
 */
export function decide(
  loaded: ScoringState,
  events: readonly ContestEvent[],
): BatchDecision<ScoringChanges> {
  const state: ScoringState = {
    periods: new Map(loaded.periods),
    submissionVersions: new Map(loaded.submissionVersions),
  };
  const pending = emptyPending();
  const stale = new StaleSet<ClusterPeriod>();
  const submissions: PlacedSubmission[] = [];
  for (const [index, event] of events.entries()) {
    if (event.type === 'ResultsSubmitted') submissions.push({ event, index });
    else for (const period of applyEvent(state, pending, event)) stale.mark(period, event, index);
  }
  for (const { event, index } of applySubmissions(state, pending, submissions)) {
    stale.mark({ clusterCode: event.clusterCode, periodId: event.data.periodId }, event, index);
  }
  return {
    changes: {
      clusters: [...pending.clusters.values()],
      deadlines: [...pending.deadlines.values()],
      closed: [...pending.closed.values()],
      schemes: [...pending.schemes.values()],
      pledges: [...pending.pledges.values()],
      reviews: [...pending.reviews.values()],
      indicatorReviews: [...pending.indicatorReviews.values()],
      adjustments: [...pending.adjustments.values()],
      submissions: [...pending.submissions.values()],
      stale: stale.items(),
    },
    emit: [],
  };
}

export const scoringPipeline: BatchPipeline<
  ScoringDatabase,
  ContestEvent,
  ScoringState,
  ScoringChanges
> = { load: loadState, decide, write: writeChanges };

/** Some stale periods scored again, once the batch's facts are written. */
export const rescorePipeline: BatchPipeline<
  ScoringDatabase,
  Stale<ClusterPeriod>,
  PeriodInputs,
  RescoreChanges
> = {
  load: loadInputs,
  decide: recompute,
  write: (trx, changes) => writeScorecards(trx, changes.scorecards),
};

/**
 * Contest facts in, scorecards out: load, decide, write the batch's facts, then the same for the
 * periods they made stale, a few at a time, since a busy batch touches dozens and their submissions
 * and new scorecards together would otherwise all be in memory at once.
 */
export async function handleBatch(
  events: ContestEvent[],
  { trx, emit, log }: BatchContext<ScoringDatabase>,
): Promise<void> {
  const { changes } = await runPipeline(scoringPipeline, trx, events);
  for (const periods of chunksOf(changes.stale, periodsAtOnce)) {
    const rescored = await runPipeline(rescorePipeline, trx, periods);
    // The gateway checks submissions against the scheme; one that no longer fits (the scheme was
    // replaced after it) is left unscored and reported rather than stopping the cluster.
    for (const { error, ...unit } of rescored.changes.unscorable) {
      log.error({ err: error, ...unit }, 'submission cannot be scored');
    }
    for (const event of rescored.emit) emit(event);
  }
}
