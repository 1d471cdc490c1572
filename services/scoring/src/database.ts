import type { Json, KitTables } from '@thidua/kit';
import type { Generated } from 'kysely';
import type {
  ClusterDefinedV1,
  ResultsSubmittedV1,
  Scheme,
  ScorecardComputedV1,
} from '@thidua/schema';

/** The scoring service's tables (its own schema). */
export interface ScoringDatabase extends KitTables {
  clusters: { cluster_code: string; year: number; members: Json<ClusterDefinedV1['members']> };
  periods: {
    cluster_code: string;
    period_id: string;
    deadline: string;
    closed: Generated<boolean>;
  };
  schemes: { cluster_code: string; year: number; scheme: Json<Scheme> };
  submissions: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    submission_version: number;
    submission: Json<ResultsSubmittedV1>;
  };
  pledges: {
    cluster_code: string;
    year: number;
    unit_code: string;
    targets: Json<Record<string, string>>;
  };
  reviews: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    criterion: string;
    reviewed_score: string;
    reason: string;
  };
  indicator_reviews: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    indicator: string;
    reviewed_value: string;
    reason: string;
    reviewer: string;
  };
  adjustments: {
    item_id: string;
    cluster_code: string;
    period_id: string;
    unit_code: string;
    kind: 'BONUS' | 'DEDUCTION';
    points: string;
    reason: string;
    disqualifying: boolean;
    seq: Generated<string>;
  };
  scorecards: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    scorecard: Json<ScorecardComputedV1>;
    /** sha256 of the scorecard's JSON as computed; null for rows kept before it existed. */
    fingerprint: string | null;
  };
}
