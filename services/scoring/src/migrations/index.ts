import type { Migration } from 'kysely';
import * as createScoringState from './2026-11-23T01-create-scoring-state.ts';
import * as createReviewInputs from './2026-11-23T02-create-review-inputs.ts';
import * as addScorecardFingerprints from './2026-11-24T01-add-scorecard-fingerprints.ts';
import * as createIndicatorReviews from './2026-11-28T01-create-indicator-reviews.ts';

export const scoringMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-scoring-state': createScoringState,
  '2026-11-23T02-create-review-inputs': createReviewInputs,
  '2026-11-24T01-add-scorecard-fingerprints': addScorecardFingerprints,
  '2026-11-28T01-create-indicator-reviews': createIndicatorReviews,
};
