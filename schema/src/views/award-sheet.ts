import type { AwardsChangedV1 } from '../events/awards-changed.v1.ts';
import type { PublishedView } from './published-view.ts';

/** The latest award sheet of a cluster's year, as the awards service publishes it. */
export interface PublishedAwardSheetRow {
  cluster_code: string;
  year: number;
  revision: number;
  /** The sheet's lines, ineligible units, seats and pending vote; year and revision are columns. */
  sheet: Omit<AwardsChangedV1, 'year' | 'revision'>;
}

export const publishedAwardSheets: PublishedView<PublishedAwardSheetRow> = {
  schema: 'awards',
  name: 'published_award_sheets',
  columns: { cluster_code: 'text', year: 'integer', revision: 'integer', sheet: 'jsonb' },
};
