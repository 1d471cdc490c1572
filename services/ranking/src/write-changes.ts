import { insertRows, upsertRows } from '@thidua/kit';
import type { Transaction } from 'kysely';
import type { RankingDatabase } from './database.ts';
import type { RankingChanges } from './state.ts';

/** Writes a batch's rows, a statement per table and chunk. */
export async function writeChanges(
  trx: Transaction<RankingDatabase>,
  changes: RankingChanges,
): Promise<void> {
  await upsertRows(
    trx,
    'clusters',
    ['cluster_code', 'year'],
    changes.clusters.map((c) => ({
      cluster_code: c.clusterCode,
      year: c.year,
      members: JSON.stringify(c.members),
    })),
  );
  await upsertRows(
    trx,
    'tie_breaks',
    ['cluster_code', 'year'],
    changes.tieBreaks.map((t) => ({
      cluster_code: t.clusterCode,
      year: t.year,
      tie_breaks: JSON.stringify(t.tieBreaks),
    })),
  );
  await upsertRows(
    trx,
    'periods',
    ['cluster_code', 'period_id'],
    changes.periods.map((p) => ({ cluster_code: p.clusterCode, period_id: p.periodId })),
    'keep',
  );
  await upsertRows(
    trx,
    'scorecards',
    ['cluster_code', 'period_id', 'unit_code'],
    changes.scorecards.map((s) => ({
      cluster_code: s.clusterCode,
      period_id: s.periodId,
      unit_code: s.scorecard.unitCode,
      submission_version: s.submissionVersion,
      scorecard: JSON.stringify(s.scorecard),
    })),
  );
  await insertRows(
    trx,
    'standings',
    changes.standings.map((s) => ({
      cluster_code: s.clusterCode,
      period_id: s.periodId,
      revision: s.revision,
      changed_at: s.changedAt,
      entries: JSON.stringify(s.entries),
    })),
  );
}
