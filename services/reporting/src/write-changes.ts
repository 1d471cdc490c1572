import {
  clusterPeriodColumns,
  clusterPeriodKey,
  clusterYearColumns,
  clusterYearKey,
  upsertRows,
} from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { ReportingDatabase } from './database.ts';
import type { ReportingChanges } from './state.ts';

const unitKey = [...clusterPeriodKey, 'unit_code'] as const;

/** Writes summaries, a cluster's or the one over all clusters, a statement per chunk. */
export async function writeSummaries(
  trx: Transaction<ReportingDatabase>,
  summaries: ReportingChanges['summaries'],
): Promise<void> {
  await upsertRows(
    trx,
    'summaries',
    clusterPeriodKey,
    summaries.map((s) => ({ ...clusterPeriodColumns(s), summary: JSON.stringify(s.summary) })),
  );
}

/** Writes a batch's rows, a statement per table and chunk. */
export async function writeChanges(
  trx: Transaction<ReportingDatabase>,
  changes: ReportingChanges,
): Promise<void> {
  await upsertRows(
    trx,
    'clusters',
    clusterYearKey,
    changes.clusters.map((c) => ({ ...clusterYearColumns(c), members: JSON.stringify(c.members) })),
  );
  await upsertRows(
    trx,
    'max_totals',
    clusterYearKey,
    changes.schemes.map((s) => ({
      ...clusterYearColumns(s),
      max_total: s.maxTotal,
      roll_ups: JSON.stringify(s.rollUps),
    })),
  );
  await upsertRows(trx, 'periods', clusterPeriodKey, changes.periods.map(clusterPeriodColumns));
  await upsertRows(
    trx,
    'award_sheets',
    clusterYearKey,
    changes.sheets.map((s) => ({
      ...clusterYearColumns(s),
      revision: s.revision,
      lines: JSON.stringify(s.lines),
    })),
  );
  // A version outside what was loaded may be kept already; it keeps its first values.
  await upsertRows(
    trx,
    'submissions',
    [...unitKey, 'submission_version'],
    changes.submissions.map((s) => ({
      ...clusterPeriodColumns(s),
      unit_code: s.unitCode,
      submission_version: s.submissionVersion,
      indicators: JSON.stringify(s.indicators),
    })),
    'keep',
  );
  await upsertRows(
    trx,
    'scorecards',
    unitKey,
    changes.scorecards.map((s) => ({
      ...clusterPeriodColumns(s),
      unit_code: s.unitCode,
      submission_version: s.submissionVersion,
      total: s.total,
      classification: s.classification,
      on_time: s.onTime,
      reviewed_values: JSON.stringify(s.reviewedValues),
    })),
  );
  await writeSummaries(trx, changes.summaries);
}
