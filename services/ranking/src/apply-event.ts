import { addOpenedPeriod, clusterKey, type ClusterPeriod, type ClusterYear } from '@thidua/kit';
import type { ContestEvent, ScoresEvent } from '@thidua/schema';
import type { RankingChanges, RankingState } from './state.ts';

/** The rows a batch writes so far, the newest of each key. */
export interface PendingChanges {
  clusters: Map<string, RankingChanges['clusters'][number]>;
  tieBreaks: Map<string, RankingChanges['tieBreaks'][number]>;
  periods: Map<string, ClusterPeriod>;
  scorecards: Map<string, RankingChanges['scorecards'][number]>;
}

/**
 * Applies one event to the batch's working state and the rows it will write; says which of the
 * cluster's periods it makes stale. Membership and tie-breaks make every period of their year stale;
 * a scorecard makes its period stale unless one of a newer submission version is already kept (of
 * equal versions the later replaces the earlier).
 */
export function applyEvent(
  state: RankingState,
  changes: PendingChanges,
  event: ContestEvent | ScoresEvent,
): ClusterPeriod[] {
  const clusterCode = event.clusterCode;
  const periodsOfYear = (year: number): ClusterPeriod[] =>
    (state.periods.get(clusterKey({ clusterCode, year })) ?? []).map((periodId) => ({
      clusterCode,
      periodId,
    }));

  switch (event.type) {
    case 'ClusterDefined': {
      const year: ClusterYear = { clusterCode, year: event.data.year };
      const { members } = event.data;
      state.members.set(clusterKey(year), members);
      changes.clusters.set(clusterKey(year), { ...year, members });
      return periodsOfYear(year.year);
    }
    case 'SchemeAssigned': {
      const { year: number, tieBreaks } = event.data.scheme;
      const year: ClusterYear = { clusterCode, year: number };
      state.tieBreaks.set(clusterKey(year), tieBreaks);
      changes.tieBreaks.set(clusterKey(year), { ...year, tieBreaks });
      return periodsOfYear(number);
    }
    case 'PeriodOpened': {
      const period: ClusterPeriod = { clusterCode, periodId: event.data.periodId };
      addOpenedPeriod(state.periods, period);
      changes.periods.set(clusterKey(period), period);
      return [period];
    }
    case 'ScorecardComputed': {
      const { periodId, unitCode, submissionVersion } = event.data;
      const period: ClusterPeriod = { clusterCode, periodId };
      const kept = new Map(state.scorecards.get(clusterKey(period)));
      const before = kept.get(unitCode);
      if (before !== undefined && before.submissionVersion > submissionVersion) return [];
      const { total, criteriaSum, deductions, submittedAt, classification } = event.data;
      // What ranking orders by: a tenth of the scorecard, so reading a period back stays cheap.
      const scorecard = { unitCode, total, criteriaSum, deductions, submittedAt, classification };
      kept.set(unitCode, { submissionVersion, scorecard });
      state.scorecards.set(clusterKey(period), kept);
      changes.scorecards.set(`${clusterKey(period)}/${unitCode}`, {
        ...period,
        submissionVersion,
        scorecard,
      });
      return [period];
    }
    case 'PeriodClosed':
    case 'DeadlineSet':
    case 'ResultsSubmitted':
    case 'PledgesRegistered':
    case 'ScoreReviewed':
    case 'IndicatorReviewed':
    case 'SubmissionReturned':
    case 'BonusAdded':
    case 'DeductionAdded':
    case 'TieVoteRecorded':
    case 'AwardDecided':
      // These change the order only through the scorecards they lead to.
      return [];
    default: {
      const unhandled: never = event;
      throw new TypeError(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}
