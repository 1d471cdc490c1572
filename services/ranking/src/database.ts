import type { Json, KitTables } from '@thidua/kit';
import type { ClusterDefinedV1, StandingEntry, TieBreak } from '@thidua/schema';
import type { RankableScorecard } from './rank-units.ts';

/** The ranking service's tables (its own schema). */
export interface RankingDatabase extends KitTables {
  clusters: { cluster_code: string; year: number; members: Json<ClusterDefinedV1['members']> };
  tie_breaks: { cluster_code: string; year: number; tie_breaks: Json<TieBreak[]> };
  periods: { cluster_code: string; period_id: string };
  scorecards: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    submission_version: number;
    /** What ranking orders by; rows kept before hold the whole scorecard, a superset. */
    scorecard: Json<RankableScorecard>;
  };
  standings: {
    cluster_code: string;
    period_id: string;
    revision: number;
    changed_at: Date | string;
    entries: Json<StandingEntry[]>;
  };
}
