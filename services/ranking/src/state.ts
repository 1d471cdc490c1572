import type { ClusterPeriod, ClusterYear } from '@thidua/kit';
import type { ClusterDefinedV1, StandingEntry, TieBreak } from '@thidua/schema';
import type { RankableScorecard } from './rank-units.ts';

export type Members = ClusterDefinedV1['members'];

/** A unit's scorecard as ranking keeps it: what it orders by, and the submission version it is of. */
export interface KeptScorecard {
  submissionVersion: number;
  scorecard: RankableScorecard;
}

/** The latest standings kept for a cluster's period. */
export interface KeptStandings {
  revision: number;
  entries: StandingEntry[];
}

/**
 * What ranking knows of the cluster-periods and cluster-years a batch may touch, each looked up by
 * its `clusterKey`. `decide` works on a copy of it, applying the batch's events one by one.
 */
export interface RankingState {
  members: Map<string, Members>;
  tieBreaks: Map<string, TieBreak[]>;
  /** The periods opened in each cluster-year whose membership or scheme the batch changes. */
  periods: Map<string, string[]>;
  /** Each cluster-period's scorecards by unit code. */
  scorecards: Map<string, Map<string, KeptScorecard>>;
  standings: Map<string, KeptStandings>;
}

export const emptyState = (): RankingState => ({
  members: new Map(),
  tieBreaks: new Map(),
  periods: new Map(),
  scorecards: new Map(),
  standings: new Map(),
});

/** The rows a batch writes; the newest of each key only, so one statement may write them all. */
export interface RankingChanges {
  clusters: (ClusterYear & { members: Members })[];
  tieBreaks: (ClusterYear & { tieBreaks: TieBreak[] })[];
  periods: ClusterPeriod[];
  scorecards: (ClusterPeriod & KeptScorecard)[];
  standings: (ClusterPeriod & KeptStandings & { changedAt: string })[];
}
