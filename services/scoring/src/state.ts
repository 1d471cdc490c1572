import type { ClusterPeriod, ClusterYear, Stale } from '@thidua/kit';
import type {
  ClusterDefinedV1,
  ResultsSubmittedV1,
  Scheme,
  ScorecardComputedV1,
} from '@thidua/schema';
import type { IndicatorReview } from './compute-scorecard.ts';

/**
 * What deciding a batch's facts takes, each entry looked up by its `clusterKey`: the periods
 * opened in the clusters whose period facts, schemes or pledges the batch changes (their deadline
 * by period id, in the order read), and the counted submission version of each unit in the
 * periods the batch submits for (by `unitKey`).
 */
export interface ScoringState {
  periods: Map<string, Map<string, string>>;
  submissionVersions: Map<string, number>;
}

export const emptyState = (): ScoringState => ({
  periods: new Map(),
  submissionVersions: new Map(),
});

/** A unit of a cluster's period, as its submission, reviews and scorecard are kept by. */
export const unitKey = (clusterCode: string, periodId: string, unitCode: string): string =>
  `${clusterCode}/${periodId}/${unitCode}`;

export type Adjustment = ClusterPeriod & {
  itemId: string;
  unitCode: string;
  kind: 'BONUS' | 'DEDUCTION';
  points: string;
  reason: string;
  disqualifying: boolean;
};

/** The fact rows a batch writes, the newest of each key only, so one statement may write them all. */
export interface ScoringChanges {
  clusters: (ClusterYear & { members: ClusterDefinedV1['members'] })[];
  /** Opened periods and moved deadlines of known periods: the deadline is all that changes. */
  deadlines: (ClusterPeriod & { deadline: string })[];
  /** Known periods closed. */
  closed: ClusterPeriod[];
  schemes: (ClusterYear & { scheme: Scheme })[];
  pledges: (ClusterYear & { unitCode: string; targets: Record<string, string> })[];
  reviews: (ClusterPeriod & {
    unitCode: string;
    criterion: string;
    reviewedScore: string;
    reason: string;
  })[];
  indicatorReviews: (ClusterPeriod & { unitCode: string; indicator: string } & IndicatorReview)[];
  /** In the order given; an item already kept stays as it is. */
  adjustments: Adjustment[];
  /** Submissions that replace the counted version. */
  submissions: (ClusterPeriod & { submission: ResultsSubmittedV1 })[];
  /** The periods to score again once these rows are written, each with its cause. */
  stale: Stale<ClusterPeriod>[];
}

/**
 * What scoring a few stale periods again takes, each looked up by its `clusterKey` (a unit's
 * entries by `unitKey`): deadlines, schemes and pledges, the counted submissions in unit order,
 * reviews, adjustments in the order given, and the fingerprints of the kept scorecards.
 */
export interface PeriodInputs {
  deadlines: Map<string, string>;
  schemes: Map<string, Scheme>;
  submissions: Map<string, ResultsSubmittedV1[]>;
  /** Each cluster-year's pledged targets by unit code. */
  pledges: Map<string, Map<string, Record<string, string>>>;
  reviewedScores: Map<string, Record<string, string>>;
  indicatorReviews: Map<string, Record<string, IndicatorReview>>;
  adjustments: Map<string, Pick<Adjustment, 'kind' | 'points' | 'reason' | 'disqualifying'>[]>;
  fingerprints: Map<string, string | null>;
}

export const emptyInputs = (): PeriodInputs => ({
  deadlines: new Map(),
  schemes: new Map(),
  submissions: new Map(),
  pledges: new Map(),
  reviewedScores: new Map(),
  indicatorReviews: new Map(),
  adjustments: new Map(),
  fingerprints: new Map(),
});

/** A scorecard that changed, with its JSON and that JSON's sha256, as kept. */
export interface ScorecardRow {
  clusterCode: string;
  scorecard: ScorecardComputedV1;
  json: string;
  fingerprint: string;
}

/** A counted submission the current scheme cannot score, left unscored and reported. */
export interface Unscorable extends ClusterPeriod {
  unitCode: string;
  error: unknown;
}

/** The stale periods scored again: the changed scorecards to write, and what could not be scored. */
export interface RescoreChanges {
  scorecards: ScorecardRow[];
  unscorable: Unscorable[];
}
