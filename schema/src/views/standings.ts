import type { StandingEntry } from '../events/standings-changed.v1.ts';
import type { PublishedView } from './published-view.ts';

/** A cluster's standings of a period, at one revision, as the ranking service publishes it. */
export interface PublishedStandingsRow {
  cluster_code: string;
  period_id: string;
  revision: number;
  changed_at: Date;
  entries: StandingEntry[];
}

const standingsColumns = {
  cluster_code: 'text',
  period_id: 'text',
  revision: 'integer',
  changed_at: 'timestamp with time zone',
  entries: 'jsonb',
} as const;

/** The latest revision of each cluster's period. */
export const publishedStandings: PublishedView<PublishedStandingsRow> = {
  schema: 'ranking',
  name: 'published_standings',
  columns: standingsColumns,
};

/** Every revision each cluster's period has had: the ranking as of any instant. */
export const publishedStandingsHistory: PublishedView<PublishedStandingsRow> = {
  schema: 'ranking',
  name: 'published_standings_history',
  columns: standingsColumns,
};
