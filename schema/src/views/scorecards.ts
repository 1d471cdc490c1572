import type { ScorecardComputedV1 } from '../events/scorecard-computed.v1.ts';
import type { PublishedView } from './published-view.ts';

/** A unit's current scorecard for a period, as the scoring service publishes it. */
export interface PublishedScorecardRow {
  cluster_code: string;
  period_id: string;
  unit_code: string;
  scorecard: ScorecardComputedV1;
}

export const publishedScorecards: PublishedView<PublishedScorecardRow> = {
  schema: 'scoring',
  name: 'published_scorecards',
  columns: { cluster_code: 'text', period_id: 'text', unit_code: 'text', scorecard: 'jsonb' },
};
