import type { ClusterPeriod, ClusterYear } from '@thidua/kit';
import type {
  AwardLine,
  Classification,
  ClusterDefinedV1,
  PublishedSummary,
  RollUpKind,
} from '@thidua/schema';

export type Members = ClusterDefinedV1['members'];

/** What the summaries need of a cluster-year's scheme. */
export interface KeptScheme {
  maxTotal: string;
  /** Indicator code → how the scheme rolls it up; a code not named is summed. */
  rollUps: Record<string, RollUpKind>;
}

/** A unit's scorecard as reporting keeps it, of the submission version it counts. */
export interface KeptScorecard {
  unitCode: string;
  submissionVersion: number;
  total: string;
  classification: Classification;
  onTime: boolean;
  /** Indicator code → the reviewed value the scorecard counted instead of the submitted one. */
  reviewedValues: Record<string, string>;
}

/** The latest award sheet kept for a cluster-year. */
export interface KeptSheet {
  revision: number;
  lines: AwardLine[];
}

/** The key of one submission version's indicator values. */
export const versionKey = (period: ClusterPeriod, unitCode: string, version: number): string =>
  `${period.clusterCode}/${period.periodId}/${unitCode}/${String(version)}`;

/** The year-end period, whose summary counts the cluster-year's award sheet. */
export const yearEndOf = ({ clusterCode, year }: ClusterYear): ClusterPeriod => ({
  clusterCode,
  periodId: `${String(year)}-FY`,
});

/**
 * What reporting knows of the cluster-periods a batch may make stale and of their cluster-years,
 * each looked up by its `clusterKey`. `decide` works on a copy of it, applying the batch's events
 * one by one.
 */
export interface ReportingState {
  members: Map<string, Members>;
  schemes: Map<string, KeptScheme>;
  /** The periods opened in each cluster-year whose membership or scheme the batch changes. */
  periods: Map<string, string[]>;
  /** Each cluster-period's scorecards by unit code. */
  scorecards: Map<string, Map<string, KeptScorecard>>;
  /**
   * Indicator values by `versionKey`: of the version each unit's scorecard counts once the batch is
   * applied (the newer of the kept one and the batch's), where submitted.
   */
  submissions: Map<string, Record<string, string>>;
  /** The year-end periods' award sheets. */
  sheets: Map<string, KeptSheet>;
}

export const emptyState = (): ReportingState => ({
  members: new Map(),
  schemes: new Map(),
  periods: new Map(),
  scorecards: new Map(),
  submissions: new Map(),
  sheets: new Map(),
});

/** The rows a batch writes; the newest of each key only, so one statement may write them all. */
export interface ReportingChanges {
  clusters: (ClusterYear & { members: Members })[];
  schemes: (ClusterYear & KeptScheme)[];
  periods: ClusterPeriod[];
  sheets: (ClusterYear & KeptSheet)[];
  /** Each version's first indicator values; a version already kept stays as it is. */
  submissions: (ClusterPeriod & {
    unitCode: string;
    submissionVersion: number;
    indicators: Record<string, string>;
  })[];
  scorecards: (ClusterPeriod & KeptScorecard)[];
  summaries: (ClusterPeriod & { summary: PublishedSummary })[];
}
