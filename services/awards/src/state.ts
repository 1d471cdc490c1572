import type { ClusterYear } from '@thidua/kit';
import type {
  AwardDecidedV1,
  Classification,
  StandingEntry,
  TieVoteRecordedV1,
} from '@thidua/schema';
import type { AwardRules } from './allocate-awards.ts';
import type { AwardSheet } from './award-sheet.ts';

/** What the awards keep of a unit's year-end scorecard, and the submission version it is of. */
export interface KeptScorecard {
  submissionVersion: number;
  classification: Classification;
  disqualified: boolean;
  onTime: boolean;
}

/**
 * What the awards know of the cluster-years a batch touches, each looked up by its `clusterKey`.
 * `decide` works on a copy of it, applying the batch's events one by one.
 */
export interface AwardsState {
  memberCounts: Map<string, number>;
  rules: Map<string, AwardRules>;
  /** The cluster-years whose year-end period is closed. */
  closed: Set<string>;
  /** The latest year-end standings. */
  standings: Map<string, { revision: number; entries: StandingEntry[] }>;
  /** Each cluster-year's year-end scorecards by unit code. */
  scorecards: Map<string, Map<string, KeptScorecard>>;
  /** Votes and decisions in the order recorded. */
  votes: Map<string, TieVoteRecordedV1[]>;
  decisions: Map<string, AwardDecidedV1[]>;
  /** The latest sheet kept. */
  sheets: Map<string, { revision: number; sheet: AwardSheet }>;
}

export const emptyState = (): AwardsState => ({
  memberCounts: new Map(),
  rules: new Map(),
  closed: new Set(),
  standings: new Map(),
  scorecards: new Map(),
  votes: new Map(),
  decisions: new Map(),
  sheets: new Map(),
});

/** The rows a batch writes: the newest of each key, and every vote and decision in order. */
export interface AwardsChanges {
  clusters: (ClusterYear & { memberCount: number })[];
  rules: (ClusterYear & { rules: AwardRules })[];
  closedYears: ClusterYear[];
  standings: (ClusterYear & { revision: number; entries: StandingEntry[] })[];
  scorecards: (ClusterYear & KeptScorecard & { unitCode: string })[];
  votes: (ClusterYear & { vote: TieVoteRecordedV1 })[];
  decisions: (ClusterYear & { decision: AwardDecidedV1 })[];
  sheets: (ClusterYear & { revision: number; sheet: AwardSheet })[];
}
