import type { Json, KitTables } from '@thidua/kit';
import type {
  AwardDecidedV1,
  AwardsChangedV1,
  Classification,
  StandingEntry,
  TieVoteRecordedV1,
} from '@thidua/schema';
import type { Generated } from 'kysely';
import type { AwardRules } from './allocate-awards.ts';

/** The awards service's tables (its own schema). */
export interface AwardsDatabase extends KitTables {
  clusters: { cluster_code: string; year: number; member_count: number };
  rules: { cluster_code: string; year: number; rules: Json<AwardRules> };
  closed_years: { cluster_code: string; year: number };
  standings: {
    cluster_code: string;
    year: number;
    revision: number;
    entries: Json<StandingEntry[]>;
  };
  scorecards: {
    cluster_code: string;
    year: number;
    unit_code: string;
    submission_version: number;
    classification: Classification;
    disqualified: boolean;
    on_time: boolean;
  };
  votes: {
    cluster_code: string;
    year: number;
    seq: Generated<string>;
    vote: Json<TieVoteRecordedV1>;
  };
  decisions: {
    cluster_code: string;
    year: number;
    seq: Generated<string>;
    decision: Json<AwardDecidedV1>;
  };
  sheets: {
    cluster_code: string;
    year: number;
    revision: number;
    sheet: Json<Omit<AwardsChangedV1, 'year' | 'revision'>>;
  };
}
