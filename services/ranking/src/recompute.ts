import { clusterKey, derivedEventId, type ClusterPeriod, type Stale } from '@thidua/kit';
import { makeEvent, yearOf, type EventOf, type StandingEntry, type TieBreak } from '@thidua/schema';
import { isDeepStrictEqual } from 'node:util';
import { rankUnits } from './rank-units.ts';
import type { RankingChanges, RankingState } from './state.ts';

const defaultTieBreaks: TieBreak[] = ['CRITERIA_SUM', 'DEDUCTIONS', 'SUBMITTED_AT'];

/** Movement is relative to the previous standings, so it does not by itself make a change. */
const withoutMovement = (entries: readonly StandingEntry[]) =>
  entries.map((entry) => ({ ...entry, movement: null }));

/**
 * Ranks every stale period once, from the state the batch left, and for each whose standings differ
 * from the latest kept yields a new revision and its StandingsChanged, caused by the last event
 * that made the period stale. A period of a cluster-year without members is not ranked yet.
 */
export function recompute(
  state: RankingState,
  stale: readonly Stale<ClusterPeriod>[],
): { standings: RankingChanges['standings']; emit: EventOf<'StandingsChanged'>[] } {
  const standings: RankingChanges['standings'] = [];
  const emit: EventOf<'StandingsChanged'>[] = [];
  for (const { clusterCode, periodId, causationId, causedAt } of stale) {
    const year = clusterKey({ clusterCode, year: yearOf(periodId) });
    const members = state.members.get(year);
    if (members === undefined) continue;
    const period = clusterKey({ clusterCode, periodId });
    const previous = state.standings.get(period);
    const scorecards = [...(state.scorecards.get(period)?.values() ?? [])];
    const entries = rankUnits(
      members.map((m) => ({ unitCode: m.unitCode, name: m.name })),
      scorecards.map((kept) => kept.scorecard),
      state.tieBreaks.get(year) ?? defaultTieBreaks,
      previous?.entries ?? null,
    );
    if (
      previous !== undefined &&
      isDeepStrictEqual(withoutMovement(previous.entries), withoutMovement(entries))
    ) {
      continue;
    }
    const revision = (previous?.revision ?? 0) + 1;
    standings.push({ clusterCode, periodId, revision, changedAt: causedAt, entries });
    emit.push(
      makeEvent('StandingsChanged', {
        id: derivedEventId('StandingsChanged', clusterCode, periodId, String(revision)),
        occurredAt: causedAt,
        source: 'ranking',
        clusterCode,
        causationId,
        data: { periodId, revision, entries },
      }),
    );
  }
  return { standings, emit };
}
