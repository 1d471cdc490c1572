import {
  clusterPeriodColumns,
  clusterPeriodKey,
  clusterYearColumns,
  clusterYearKey,
  insertRows,
  upsertRows,
} from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { RankingDatabase } from './database.ts';
import type { RankingChanges } from './state.ts';

/** Writes a batch's rows, a statement per table and chunk. */
export async function writeChanges(
  trx: Transaction<RankingDatabase>,
  changes: RankingChanges,
): Promise<void> {
  const { clusters, tieBreaks, periods, scorecards, standings } = changes;
  await upsertRows(
    trx,
    'clusters',
    clusterYearKey,
    clusters.map((c) => ({ ...clusterYearColumns(c), members: JSON.stringify(c.members) })),
  );
  const tieBreakRows = tieBreaks.map((t) => ({
    ...clusterYearColumns(t),
    tie_breaks: JSON.stringify(t.tieBreaks),
  }));
  await upsertRows(trx, 'tie_breaks', clusterYearKey, tieBreakRows);
  await upsertRows(trx, 'periods', clusterPeriodKey, periods.map(clusterPeriodColumns), 'keep');
  await upsertRows(
    trx,
    'scorecards',
    [...clusterPeriodKey, 'unit_code'],
    scorecards.map(({ submissionVersion, scorecard, ...key }) => ({
      ...clusterPeriodColumns(key),
      unit_code: scorecard.unitCode,
      submission_version: submissionVersion,
      scorecard: JSON.stringify(scorecard),
    })),
  );
  await insertRows(
    trx,
    'standings',
    standings.map(({ revision, changedAt, entries, ...key }) => ({
      ...clusterPeriodColumns(key),
      revision,
      changed_at: changedAt,
      entries: JSON.stringify(entries),
    })),
  );
}
