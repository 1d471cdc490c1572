import type { Migration } from 'kysely';
import * as createReportingState from './2026-11-23T01-create-reporting-state.ts';
import * as createAwardSheets from './2026-11-23T02-create-award-sheets.ts';
import * as addReviewedValues from './2026-11-28T01-add-reviewed-values.ts';
import * as addRollUps from './2026-11-29T01-add-roll-ups.ts';

export const reportingMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-reporting-state': createReportingState,
  '2026-11-23T02-create-award-sheets': createAwardSheets,
  '2026-11-28T01-add-reviewed-values': addReviewedValues,
  '2026-11-29T01-add-roll-ups': addRollUps,
};
