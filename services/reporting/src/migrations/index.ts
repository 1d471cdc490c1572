import type { Migration } from 'kysely';
import * as createReportingState from './2026-11-23T01-create-reporting-state.ts';

export const reportingMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-reporting-state': createReportingState,
};
