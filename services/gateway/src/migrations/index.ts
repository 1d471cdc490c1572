import type { Migration } from 'kysely';
import * as createContestState from './2026-11-23T01-create-contest-state.ts';
import * as addDeputies from './2026-11-23T02-add-deputies.ts';
import * as indexMembers from './2026-11-23T03-index-members.ts';
import * as addVerification from './2026-11-28T06-add-verification.ts';
import * as countAdjustmentItems from './2026-11-28T05-count-adjustment-items.ts';
import * as createEvidenceFiles from './2026-11-29T07-create-evidence-files.ts';
import * as recordPaperReports from './2026-11-29T08-record-paper-reports.ts';
import * as keepScoreReviews from './2026-11-29T09-keep-score-reviews.ts';

export const gatewayMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-contest-state': createContestState,
  '2026-11-23T02-add-deputies': addDeputies,
  '2026-11-23T03-index-members': indexMembers,
  '2026-11-28T06-add-verification': addVerification,
  '2026-11-28T05-count-adjustment-items': countAdjustmentItems,
  '2026-11-29T07-create-evidence-files': createEvidenceFiles,
  '2026-11-29T08-record-paper-reports': recordPaperReports,
  '2026-11-29T09-keep-score-reviews': keepScoreReviews,
};
