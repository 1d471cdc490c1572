import {
  pipelineHandler,
  StaleSet,
  type BatchDecision,
  type BatchPipeline,
  type ClusterYear,
} from '@thidua/kit';
import type { ContestEvent, RankingsEvent, ScoresEvent } from '@thidua/schema';
import { applyEvent, type PendingChanges } from './apply-event.ts';
import type { AwardsDatabase } from './database.ts';
import { loadState } from './load-state.ts';
import { recompute } from './recompute.ts';
import type { AwardsChanges, AwardsState } from './state.ts';
import { writeChanges } from './write-changes.ts';

type AwardsEventIn = ContestEvent | ScoresEvent | RankingsEvent;

/**
 * A batch's decision, in pure code: applies the events one by one to a copy of the loaded state,
 * then works out each touched cluster-year's award sheet once.
 */
export function decide(
  loaded: AwardsState,
  events: readonly AwardsEventIn[],
): BatchDecision<AwardsChanges> {
  const state: AwardsState = {
    memberCounts: new Map(loaded.memberCounts),
    rules: new Map(loaded.rules),
    closed: new Set(loaded.closed),
    standings: new Map(loaded.standings),
    scorecards: new Map(loaded.scorecards),
    votes: new Map(loaded.votes),
    decisions: new Map(loaded.decisions),
    sheets: new Map(loaded.sheets),
  };
  const pending: PendingChanges = {
    clusters: new Map(),
    rules: new Map(),
    closedYears: new Map(),
    standings: new Map(),
    scorecards: new Map(),
    votes: [],
    decisions: [],
  };
  const stale = new StaleSet<ClusterYear>();
  for (const [index, event] of events.entries()) {
    for (const year of applyEvent(state, pending, event)) stale.mark(year, event, index);
  }
  const { sheets, emit } = recompute(state, stale.items());
  return {
    changes: {
      clusters: [...pending.clusters.values()],
      rules: [...pending.rules.values()],
      closedYears: [...pending.closedYears.values()],
      standings: [...pending.standings.values()],
      scorecards: [...pending.scorecards.values()],
      votes: pending.votes,
      decisions: pending.decisions,
      sheets,
    },
    emit,
  };
}

export const awardsPipeline: BatchPipeline<
  AwardsDatabase,
  AwardsEventIn,
  AwardsState,
  AwardsChanges
> = {
  load: loadState,
  decide,
  write: writeChanges,
};

/** Final standings, scorecards, votes and decisions in; award sheets out: load, decide, write. */
export const handleBatch = pipelineHandler<
  AwardsDatabase,
  'contest' | 'scores' | 'rankings',
  AwardsState,
  AwardsChanges
>(awardsPipeline);
