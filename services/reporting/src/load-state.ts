import { clusterKey, pairIn, type ClusterPeriod, type ClusterYear } from '@thidua/kit';
import {
  isYearEnd,
  yearOf,
  type AwardsEvent,
  type ContestEvent,
  type PublishedSummary,
  type ScoresEvent,
} from '@thidua/schema';
import { sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from './database.ts';
import { ALL_CLUSTERS } from './recompute.ts';
import {
  emptyState,
  versionKey,
  yearEndOf,
  type KeptScorecard,
  type ReportingState,
} from './state.ts';

/** Takes the named advisory locks in sorted order, so two instances cannot deadlock on them. */
async function lockAll(
  trx: Transaction<ReportingDatabase>,
  names: Iterable<string>,
): Promise<void> {
  const locks = [...new Set(names)].sort();
  await sql`
    SELECT pg_advisory_xact_lock(hashtext(lock_name)) FROM unnest(${locks}::text[]) AS lock_name
  `.execute(trx);
}

/**
 * Reads what the summaries of the periods a batch may make stale need: the periods opened in the
 * cluster-years whose membership or scheme changes, and for every such period its cluster-year's
 * members, scheme and (at a year's end) award sheet, its scorecards, and the indicator values of
 * the submission version each unit's scorecard counts once the batch is applied. One query per
 * table, after the clusters' locks, its parameters a few arrays, so a batch costs the same few
 * statements however many periods it touches.
 */
export async function loadState(
  trx: Transaction<ReportingDatabase>,
  events: readonly (ContestEvent | ScoresEvent | AwardsEvent)[],
): Promise<ReportingState> {
  const state = emptyState();
  const changedYears = new Map<string, ClusterYear>();
  const named = new Map<string, ClusterPeriod>();
  // Each unit's newest version scored, by its period's key and unit code.
  const scored = new Map<string, ClusterPeriod & { unitCode: string; version: number }>();
  const newer = (key: string, version: number) => (scored.get(key)?.version ?? 0) < version;
  /** Names the period stale; returns its key. */
  const name = (period: ClusterPeriod) => {
    const key = clusterKey(period);
    named.set(key, period);
    return key;
  };
  for (const event of events) {
    const { clusterCode } = event;
    switch (event.type) {
      case 'ClusterDefined':
      case 'SchemeAssigned': {
        const year: ClusterYear = {
          clusterCode,
          year: event.type === 'ClusterDefined' ? event.data.year : event.data.scheme.year,
        };
        changedYears.set(clusterKey(year), year);
        break;
      }
      case 'PeriodOpened':
      case 'ResultsSubmitted':
        name({ clusterCode, periodId: event.data.periodId });
        break;
      case 'ScorecardComputed': {
        const { periodId, unitCode, submissionVersion: version } = event.data;
        const key = `${name({ clusterCode, periodId })}/${unitCode}`;
        if (newer(key, version)) scored.set(key, { clusterCode, periodId, unitCode, version });
        break;
      }
      case 'AwardsChanged':
        name(yearEndOf({ clusterCode, year: event.data.year }));
        break;
      default:
        break;
    }
  }
  if (changedYears.size === 0 && named.size === 0) return state;

  // Two instances may hold the scores and the contest partitions of one cluster; one at a time.
  const clusters = [...changedYears.values(), ...named.values()].map((key) => key.clusterCode);
  await lockAll(
    trx,
    clusters.map((code) => `reporting-cluster:${code}`),
  );

  for (const key of changedYears.keys()) state.periods.set(key, []);
  const opened =
    changedYears.size === 0
      ? []
      : await trx
          .selectFrom('periods')
          .select(['cluster_code', 'period_id'])
          .where('cluster_code', 'in', [
            ...new Set([...changedYears.values()].map((y) => y.clusterCode)),
          ])
          .execute();
  for (const row of opened) {
    const period = { clusterCode: row.cluster_code, periodId: row.period_id };
    const known = state.periods.get(
      clusterKey({ clusterCode: row.cluster_code, year: yearOf(row.period_id) }),
    );
    if (known === undefined) continue;
    known.push(row.period_id);
    name(period);
  }

  const periods = [...named.values()];
  const years = new Map(changedYears);
  const yearEnds = new Map<string, ClusterYear>();
  for (const { clusterCode, periodId } of periods) {
    const year = { clusterCode, year: yearOf(periodId) };
    years.set(clusterKey(year), year);
    if (isYearEnd(periodId)) yearEnds.set(clusterKey(year), year);
  }
  const inYears = (keys: Iterable<ClusterYear>) => {
    const list = [...keys];
    return pairIn(
      ['cluster_code', 'year'],
      list.map((y) => y.clusterCode),
      list.map((y) => y.year),
      'int',
    );
  };
  const inPeriods = pairIn(
    ['cluster_code', 'period_id'],
    periods.map((p) => p.clusterCode),
    periods.map((p) => p.periodId),
    'text',
  );
  const yearKeyOf = (row: { cluster_code: string; year: number }) =>
    clusterKey({ clusterCode: row.cluster_code, year: row.year });

  const clusterRows = await trx
    .selectFrom('clusters')
    .select(['cluster_code', 'year', 'members'])
    .where(inYears(years.values()))
    .execute();
  for (const row of clusterRows) state.members.set(yearKeyOf(row), row.members);
  const schemes = await trx
    .selectFrom('max_totals')
    .select(['cluster_code', 'year', 'max_total', 'roll_ups'])
    .where(inYears(years.values()))
    .execute();
  for (const row of schemes) {
    state.schemes.set(yearKeyOf(row), { maxTotal: row.max_total, rollUps: row.roll_ups });
  }
  if (yearEnds.size > 0) {
    const sheets = await trx
      .selectFrom('award_sheets')
      .select(['cluster_code', 'year', 'revision', 'lines'])
      .where(inYears(yearEnds.values()))
      .execute();
    for (const row of sheets) {
      state.sheets.set(yearKeyOf(row), { revision: row.revision, lines: row.lines });
    }
  }
  const scorecards = await trx
    .selectFrom('scorecards')
    .select([
      'cluster_code',
      'period_id',
      'unit_code',
      'submission_version',
      'total',
      'classification',
      'on_time',
      'reviewed_values',
    ])
    .where(inPeriods)
    .execute();
  for (const row of scorecards) {
    const period = { clusterCode: row.cluster_code, periodId: row.period_id };
    const periodKey = clusterKey(period);
    const key = `${periodKey}/${row.unit_code}`;
    if (newer(key, row.submission_version)) {
      scored.set(key, {
        clusterCode: row.cluster_code,
        periodId: row.period_id,
        unitCode: row.unit_code,
        version: row.submission_version,
      });
    }
    const cards = state.scorecards.get(periodKey) ?? new Map<string, KeptScorecard>();
    cards.set(row.unit_code, {
      unitCode: row.unit_code,
      submissionVersion: row.submission_version,
      total: row.total,
      classification: row.classification,
      onTime: row.on_time,
      reviewedValues: row.reviewed_values,
    });
    state.scorecards.set(periodKey, cards);
  }
  // Only the version each unit's scorecard counts once the batch is applied: the newer of the
  // kept one and the batch's newest.
  const counted = [...scored.values()];
  const versions =
    counted.length === 0
      ? []
      : await trx
          .selectFrom('submissions')
          .select(['cluster_code', 'period_id', 'unit_code', 'submission_version', 'indicators'])
          .where(
            sql<boolean>`(cluster_code, period_id, unit_code, submission_version) IN (
              SELECT * FROM unnest(
                ${counted.map((v) => v.clusterCode)}::text[], ${counted.map((v) => v.periodId)}::text[],
                ${counted.map((v) => v.unitCode)}::text[], ${counted.map((v) => v.version)}::int[]
              )
            )`,
          )
          .execute();
  for (const row of versions) {
    const period = { clusterCode: row.cluster_code, periodId: row.period_id };
    state.submissions.set(
      versionKey(period, row.unit_code, row.submission_version),
      row.indicators,
    );
  }
  return state;
}

/**
 * Reads every cluster's summary of the periods, after taking the periods' locks: instances owning
 * different clusters may roll up the same period, one at a time, each after writing its own
 * clusters' summaries.
 */
export async function loadClusterSummaries(
  trx: Transaction<ReportingDatabase>,
  periodIds: readonly string[],
): Promise<Map<string, PublishedSummary[]>> {
  const summaries = new Map<string, PublishedSummary[]>();
  if (periodIds.length === 0) return summaries;
  await lockAll(
    trx,
    periodIds.map((periodId) => `reporting:${periodId}`),
  );
  const rows = await trx
    .selectFrom('summaries')
    .select(['period_id', 'summary'])
    .where('period_id', 'in', periodIds)
    .where('cluster_code', '!=', ALL_CLUSTERS)
    .orderBy('cluster_code')
    .execute();
  for (const periodId of periodIds) summaries.set(periodId, []);
  for (const row of rows) summaries.get(row.period_id)?.push(row.summary);
  return summaries;
}
