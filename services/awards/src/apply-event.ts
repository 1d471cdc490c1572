import { clusterKey, type ClusterYear } from '@thidua/kit';
import {
  isYearEnd,
  yearOf,
  type ContestEvent,
  type RankingsEvent,
  type ScoresEvent,
} from '@thidua/schema';
import type { AwardsChanges, AwardsState } from './state.ts';

/** The rows a batch writes so far: the newest of each key, votes and decisions in order. */
export interface PendingChanges {
  clusters: Map<string, AwardsChanges['clusters'][number]>;
  rules: Map<string, AwardsChanges['rules'][number]>;
  closedYears: Map<string, ClusterYear>;
  standings: Map<string, AwardsChanges['standings'][number]>;
  scorecards: Map<string, AwardsChanges['scorecards'][number]>;
  votes: AwardsChanges['votes'];
  decisions: AwardsChanges['decisions'];
}

/** The year whose award sheet a period's facts count for: only the year-end period's do. */
const yearEnd = (periodId: string) => (isYearEnd(periodId) ? yearOf(periodId) : null);

/**
 * Applies one event to the batch's working state and the rows it will write; says which cluster's
 * award sheet it makes stale. Year-end standings and scorecards make it stale even when older than
 * those kept (the sheet is then worked out to the same and not emitted again); an older standings
 * revision or scorecard version is not kept.
 */
export function applyEvent(
  state: AwardsState,
  changes: PendingChanges,
  event: ContestEvent | ScoresEvent | RankingsEvent,
): ClusterYear[] {
  const { clusterCode } = event;
  const at = (year: number): [ClusterYear, string] => {
    const key = { clusterCode, year };
    return [key, clusterKey(key)];
  };
  switch (event.type) {
    case 'ClusterDefined': {
      const [year, key] = at(event.data.year);
      const memberCount = event.data.members.length;
      state.memberCounts.set(key, memberCount);
      changes.clusters.set(key, { ...year, memberCount });
      return [year];
    }
    case 'SchemeAssigned': {
      const { flagQuota, meritQuota, awardsRequireOnTime } = event.data.scheme;
      const [year, key] = at(event.data.scheme.year);
      const rules = { flagQuota, meritQuota, awardsRequireOnTime };
      state.rules.set(key, rules);
      changes.rules.set(key, { ...year, rules });
      return [year];
    }
    case 'PeriodClosed': {
      const number = yearEnd(event.data.periodId);
      if (number === null) return [];
      const [year, key] = at(number);
      state.closed.add(key);
      changes.closedYears.set(key, year);
      return [year];
    }
    case 'TieVoteRecorded': {
      const [year, key] = at(event.data.year);
      state.votes.set(key, [...(state.votes.get(key) ?? []), event.data]);
      changes.votes.push({ ...year, vote: event.data });
      return [year];
    }
    case 'AwardDecided': {
      const [year, key] = at(event.data.year);
      state.decisions.set(key, [...(state.decisions.get(key) ?? []), event.data]);
      changes.decisions.push({ ...year, decision: event.data });
      return [year];
    }
    case 'StandingsChanged': {
      const number = yearEnd(event.data.periodId);
      if (number === null) return [];
      const [year, key] = at(number);
      const { revision, entries } = event.data;
      const kept = state.standings.get(key);
      if (kept === undefined || kept.revision < revision) {
        state.standings.set(key, { revision, entries });
        changes.standings.set(key, { ...year, revision, entries });
      }
      return [year];
    }
    case 'ScorecardComputed': {
      const number = yearEnd(event.data.periodId);
      if (number === null) return [];
      const [year, key] = at(number);
      const { unitCode, submissionVersion, classification, disqualified, onTime } = event.data;
      const cards = new Map(state.scorecards.get(key));
      const kept = cards.get(unitCode);
      if (kept === undefined || kept.submissionVersion <= submissionVersion) {
        const card = { submissionVersion, classification, disqualified, onTime };
        cards.set(unitCode, card);
        state.scorecards.set(key, cards);
        changes.scorecards.set(`${key}/${unitCode}`, { ...year, unitCode, ...card });
      }
      return [year];
    }
    case 'PeriodOpened':
    case 'DeadlineSet':
    case 'ResultsSubmitted':
    case 'PledgesRegistered':
    case 'ScoreReviewed':
    case 'IndicatorReviewed':
    case 'SubmissionReturned':
    case 'BonusAdded':
    case 'DeductionAdded':
      // These reach the awards through scorecards and standings.
      return [];
    default: {
      const unhandled: never = event;
      throw new TypeError(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}
