import type { Migration } from 'kysely';
import * as createReportingState from './2026-11-23T01-create-reporting-state.ts';
import * as createAwardSheets from './2026-11-23T02-create-award-sheets.ts';

export const reportingMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-reporting-state': createReportingState,
  '2026-11-23T02-create-award-sheets': createAwardSheets,
};
