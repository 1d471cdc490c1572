import type { Json, KitTables } from '@thidua/kit';
import type { Classification, ClusterDefinedV1 } from '@thidua/schema';
import type { PeriodSummary } from './summarize-period.ts';

/** The reporting service's tables (its own schema). */
export interface ReportingDatabase extends KitTables {
  clusters: { cluster_code: string; year: number; members: Json<ClusterDefinedV1['members']> };
  periods: { cluster_code: string; period_id: string };
  max_totals: { cluster_code: string; year: number; max_total: string };
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
  };
  summaries: { cluster_code: string; period_id: string; summary: Json<PeriodSummary> };
}
