import {
  pipelineHandler,
  StaleSet,
  type BatchDecision,
  type BatchPipeline,
  type ClusterPeriod,
} from '@thidua/kit';
import type { ContestEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent, type PendingChanges } from './apply-event.ts';
import type { RankingDatabase } from './database.ts';
import { loadState } from './load-state.ts';
import { recompute } from './recompute.ts';
import type { RankingChanges, RankingState } from './state.ts';
import { writeChanges } from './write-changes.ts';

/**
 * A batch's decision, in pure code: applies the events one by one to a copy of the loaded state,
 * then ranks each period they made stale once (not once per event).
 */
export function decide(
  loaded: RankingState,
  events: readonly (ContestEvent | ScoresEvent)[],
): BatchDecision<RankingChanges> {
  const state: RankingState = {
    members: new Map(loaded.members),
    tieBreaks: new Map(loaded.tieBreaks),
    periods: new Map(loaded.periods),
    scorecards: new Map(loaded.scorecards),
    standings: new Map(loaded.standings),
  };
  const pending: PendingChanges = {
    clusters: new Map(),
    tieBreaks: new Map(),
    periods: new Map(),
    scorecards: new Map(),
  };
  const stale = new StaleSet<ClusterPeriod>();
  for (const [index, event] of events.entries()) {
    for (const period of applyEvent(state, pending, event)) stale.mark(period, event, index);
  }
  const { standings, emit } = recompute(state, stale.items());
  return {
    changes: {
      clusters: [...pending.clusters.values()],
      tieBreaks: [...pending.tieBreaks.values()],
      periods: [...pending.periods.values()],
      scorecards: [...pending.scorecards.values()],
      standings,
    },
    emit,
  };
}

export const rankingPipeline: BatchPipeline<
  RankingDatabase,
  ContestEvent | ScoresEvent,
  RankingState,
  RankingChanges
> = { load: loadState, decide, write: writeChanges };

/** Scorecards and membership in, standings out: load, decide, write. */
export const handleBatch = pipelineHandler<
  RankingDatabase,
  'contest' | 'scores',
  RankingState,
  RankingChanges
>(rankingPipeline);
