import { clusterKey, derivedEventId, type ClusterYear, type Stale } from '@thidua/kit';
import { makeEvent, type EventOf, type StandingEntry } from '@thidua/schema';
import { isDeepStrictEqual } from 'node:util';
import { allocateAwards, type AwardCandidate } from './allocate-awards.ts';
import { awardSheet } from './award-sheet.ts';
import type { AwardsChanges, AwardsState, KeptScorecard } from './state.ts';

/** The ranked units with their scorecards; null while a ranked unit has none yet. */
function candidatesOf(
  entries: readonly StandingEntry[],
  cards: ReadonlyMap<string, KeptScorecard> | undefined,
): AwardCandidate[] | null {
  const candidates: AwardCandidate[] = [];
  for (const entry of entries) {
    if (entry.status !== 'RANKED' || entry.rank === null) continue;
    const card = cards?.get(entry.unitCode);
    if (card === undefined) return null;
    const { classification, disqualified, onTime } = card;
    candidates.push({
      unitCode: entry.unitCode,
      rank: entry.rank,
      classification,
      disqualified,
      onTime,
    });
  }
  return candidates;
}

/**
 * Once a cluster's year-end period is closed, proposes its awards from the final standings and
 * applies the recorded votes and decisions; yields the sheet and its AwardsChanged when it changed.
 * Standings and scorecards arrive on different topics: until both describe every ranked unit, the
 * sheet waits.
 */
export function recompute(
  state: AwardsState,
  stale: readonly Stale<ClusterYear>[],
): { sheets: AwardsChanges['sheets']; emit: EventOf<'AwardsChanged'>[] } {
  const sheets: AwardsChanges['sheets'] = [];
  const emit: EventOf<'AwardsChanged'>[] = [];
  for (const { clusterCode, year, causationId, causedAt } of stale) {
    const key = clusterKey({ clusterCode, year });
    const memberCount = state.memberCounts.get(key);
    const rules = state.rules.get(key);
    const standings = state.standings.get(key);
    if (!state.closed.has(key) || memberCount === undefined || rules === undefined) continue;
    if (standings === undefined) continue;
    const candidates = candidatesOf(standings.entries, state.scorecards.get(key));
    if (candidates === null) continue;
    const proposal = allocateAwards(candidates, memberCount, rules, state.votes.get(key) ?? []);
    const sheet = awardSheet(proposal, state.decisions.get(key) ?? []);
    const previous = state.sheets.get(key);
    if (previous !== undefined && isDeepStrictEqual(previous.sheet, sheet)) continue;
    const revision = (previous?.revision ?? 0) + 1;
    sheets.push({ clusterCode, year, revision, sheet });
    emit.push(
      makeEvent('AwardsChanged', {
        id: derivedEventId('AwardsChanged', clusterCode, String(year), String(revision)),
        occurredAt: causedAt,
        source: 'awards',
        clusterCode,
        causationId,
        data: { year, revision, ...sheet },
      }),
    );
  }
  return { sheets, emit };
}
