import {
  runPipeline,
  StaleSet,
  type BatchDecision,
  type BatchHandler,
  type BatchPipeline,
  type ClusterPeriod,
} from '@thidua/kit';
import type { AwardsEvent, ContestEvent, PublishedSummary, ScoresEvent } from '@thidua/schema';
import { applyEvent, type PendingChanges } from './apply-event.ts';
import type { ReportingDatabase } from './database.ts';
import { loadClusterSummaries, loadState } from './load-state.ts';
import { recompute, rollUpPeriods } from './recompute.ts';
import type { ReportingChanges, ReportingState } from './state.ts';
import { writeChanges, writeSummaries } from './write-changes.ts';

type ReportingEvent = ContestEvent | ScoresEvent | AwardsEvent;

/**
 * A batch's decision, in pure code: applies the events one by one to a copy of the loaded state,
 * then summarises each period they made stale once (not once per event).
 */
export function decide(
  loaded: ReportingState,
  events: readonly ReportingEvent[],
): BatchDecision<ReportingChanges> {
  const state: ReportingState = {
    members: new Map(loaded.members),
    schemes: new Map(loaded.schemes),
    periods: new Map(loaded.periods),
    scorecards: new Map([...loaded.scorecards].map(([period, cards]) => [period, new Map(cards)])),
    submissions: new Map(loaded.submissions),
    sheets: new Map(loaded.sheets),
  };
  const pending: PendingChanges = {
    clusters: new Map(),
    schemes: new Map(),
    periods: new Map(),
    sheets: new Map(),
    submissions: new Map(),
    scorecards: new Map(),
  };
  const stale = new StaleSet<ClusterPeriod>();
  for (const [index, event] of events.entries()) {
    for (const period of applyEvent(state, pending, event)) stale.mark(period, event, index);
  }
  return {
    changes: {
      clusters: [...pending.clusters.values()],
      schemes: [...pending.schemes.values()],
      periods: [...pending.periods.values()],
      sheets: [...pending.sheets.values()],
      submissions: [...pending.submissions.values()],
      scorecards: [...pending.scorecards.values()],
      summaries: recompute(state, stale.items()),
    },
    emit: [],
  };
}

/** The roll-up's decision, in pure code: each period's summary over all clusters from theirs. */
export function decideRollUps(
  clusterSummaries: ReadonlyMap<string, readonly PublishedSummary[]>,
): BatchDecision<ReportingChanges['summaries']> {
  return { changes: rollUpPeriods(clusterSummaries), emit: [] };
}

export const reportingPipeline: BatchPipeline<
  ReportingDatabase,
  ReportingEvent,
  ReportingState,
  ReportingChanges
> = { load: loadState, decide, write: writeChanges };

/** The second step of a batch, over the period ids it summarised. */
export const rollUpPipeline: BatchPipeline<
  ReportingDatabase,
  string,
  Map<string, PublishedSummary[]>,
  ReportingChanges['summaries']
> = { load: loadClusterSummaries, decide: decideRollUps, write: writeSummaries };

/**
 * Contest facts, scorecards and award sheets in, summaries out: load, decide, write the clusters'
 * summaries, then the same for the roll-ups of their periods over all clusters. The roll-up reads
 * the other clusters' summaries under its periods' locks, taken only once this batch's are written,
 * so instances owning different clusters wait for each other only that long.
 */
export const handleBatch: BatchHandler<ReportingDatabase, 'contest' | 'scores' | 'awards'> = async (
  events,
  { trx },
) => {
  const { changes } = await runPipeline(reportingPipeline, trx, events);
  const periodIds = [...new Set(changes.summaries.map((s) => s.periodId))];
  await runPipeline(rollUpPipeline, trx, periodIds);
};
