import type { Json, KitTables } from '@thidua/kit';
import type {
  AwardLine,
  Classification,
  ClusterDefinedV1,
  PublishedSummary,
  RollUpKind,
} from '@thidua/schema';

/** The reporting service's tables (its own schema). */
export interface ReportingDatabase extends KitTables {
  clusters: { cluster_code: string; year: number; members: Json<ClusterDefinedV1['members']> };
  periods: { cluster_code: string; period_id: string };
  max_totals: {
    cluster_code: string;
    year: number;
    max_total: string;
    /** Indicator code → how the scheme rolls it up; a code not named is summed. */
    roll_ups: Json<Record<string, RollUpKind>>;
  };
  submissions: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    submission_version: number;
    indicators: Json<Record<string, string>>;
  };
  scorecards: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    submission_version: number;
    total: string;
    classification: Classification;
    on_time: boolean;
    /** Indicator code → the reviewed value the scorecard counted instead of the submitted one. */
    reviewed_values: Json<Record<string, string>>;
  };
  award_sheets: { cluster_code: string; year: number; revision: number; lines: Json<AwardLine[]> };
  summaries: { cluster_code: string; period_id: string; summary: Json<PublishedSummary> };
}
