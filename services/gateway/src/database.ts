import type { Json, KitTables } from '@thidua/kit';
import type { ColumnType } from 'kysely';
import type {
  ClusterDefinedV1,
  PublishedAwardSheetRow,
  PublishedScorecardRow,
  PublishedStandingsRow,
  PublishedSummaryRow,
  Scheme,
} from '@thidua/schema';

/** The gateway's own tables: the contest facts it has accepted. */
export interface ContestTables {
  clusters: {
    cluster_code: string;
    year: number;
    name: string;
    lead: string | null;
    deputies: Json<string[]>;
    members: Json<ClusterDefinedV1['members']>;
  };
  periods: {
    cluster_code: string;
    period_id: string;
    deadline: Date | string;
    status: 'OPEN' | 'CLOSED';
    /** When the period was opened; null for periods opened before it was kept. */
    opened_at: ColumnType<Date | null, string | undefined, never>;
  };
  schemes: { cluster_code: string; year: number; scheme: Json<Scheme> };
  submissions: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    version: number;
    submitted_at: Date | string;
    event_id: string;
    /** The version's indicator values; null only for a version whose event was not found. */
    indicators: ColumnType<Record<string, string> | null, string, never>;
    /** Set when a reviewer returned this version for explanation (giải trình). */
    returned_reason: ColumnType<string | null, never, string>;
    returned_by: ColumnType<string | null, never, string>;
    returned_at: ColumnType<Date | null, never, string>;
    /** Set on a version recorded from a paper report: who recorded it (a unit code or `central`) and when. */
    recorded_by: ColumnType<string | null, string | undefined, never>;
    recorded_at: ColumnType<Date | null, string | undefined, never>;
  };
  /** A reviewer's value for an indicator of a unit's period (thẩm định); the latest one counts. */
  indicator_reviews: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    indicator: string;
    reviewed_value: string;
    reason: string;
    reviewer: string;
    reviewed_at: Date | string;
  };
  /** A reviewer's score for a self-assessed criterion of a unit's period; the latest one counts. */
  score_reviews: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    criterion: string;
    reviewed_score: string;
    reason: string;
    reviewer: string;
    reviewed_at: Date | string;
  };
  /** Bonus and deduction items accepted per unit and period, of each kind. */
  adjustment_items: {
    cluster_code: string;
    period_id: string;
    unit_code: string;
    kind: 'BONUS' | 'DEDUCTION';
    items: number;
  };
  /** Evidence files (minh chứng) for a unit's criterion in a period, with their bytes. */
  evidence_files: {
    id: string;
    cluster_code: string;
    period_id: string;
    unit_code: string;
    criterion: string;
    file_name: string;
    media_type: string;
    size_bytes: number;
    /** Hex sha256 of the content. */
    sha256: string;
    content: Buffer;
    /** The uploader's unit code, or `central`. */
    uploaded_by: string;
    uploader_subject: string;
    uploaded_at: ColumnType<Date, Date, never>;
  };
}

/**
 * The views other services publish for the gateway to read (never written here). Their rows are
 * declared once in `@thidua/schema` (`src/views/`), where each producer's test checks them against
 * the view PostgreSQL has.
 */
export interface PublishedViews {
  'awards.published_award_sheets': PublishedAwardSheetRow;
  'ranking.published_standings': PublishedStandingsRow;
  'ranking.published_standings_history': PublishedStandingsRow;
  'reporting.published_summaries': PublishedSummaryRow;
  'scoring.published_scorecards': PublishedScorecardRow;
}

export type GatewayDatabase = KitTables & ContestTables & PublishedViews;
