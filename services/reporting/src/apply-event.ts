import { addOpenedPeriod, clusterKey, type ClusterPeriod, type ClusterYear } from '@thidua/kit';
import type { AwardsEvent, ContestEvent, ScoresEvent } from '@thidua/schema';
import {
  versionKey,
  yearEndOf,
  type KeptScorecard,
  type ReportingChanges,
  type ReportingState,
} from './state.ts';

/** The rows a batch writes so far, the newest of each key (the first of each submission version). */
export interface PendingChanges {
  clusters: Map<string, ReportingChanges['clusters'][number]>;
  schemes: Map<string, ReportingChanges['schemes'][number]>;
  periods: Map<string, ClusterPeriod>;
  sheets: Map<string, ReportingChanges['sheets'][number]>;
  submissions: Map<string, ReportingChanges['submissions'][number]>;
  scorecards: Map<string, ReportingChanges['scorecards'][number]>;
}

/** The periods opened in the cluster-year. */
const periodsOf = (state: ReportingState, year: ClusterYear): ClusterPeriod[] =>
  (state.periods.get(clusterKey(year)) ?? []).map((periodId) => ({
    clusterCode: year.clusterCode,
    periodId,
  }));

/**
 * Applies one event to the batch's working state and the rows it will write; says which of the
 * cluster's summaries it makes stale. Membership and schemes make every period of their year stale,
 * an award sheet its year-end period; a submission or scorecard makes its period stale even when it
 * changes nothing. A submission version keeps its first values; a scorecard replaces the unit's kept
 * one unless that is of a newer submission version (of equal versions the later replaces the earlier);
 * an award sheet replaces only an older revision.
 */
export function applyEvent(
  state: ReportingState,
  changes: PendingChanges,
  event: ContestEvent | ScoresEvent | AwardsEvent,
): ClusterPeriod[] {
  const clusterCode = event.clusterCode;

  switch (event.type) {
    case 'ClusterDefined': {
      const year: ClusterYear = { clusterCode, year: event.data.year };
      const { members } = event.data;
      state.members.set(clusterKey(year), members);
      changes.clusters.set(clusterKey(year), { ...year, members });
      return periodsOf(state, year);
    }
    case 'SchemeAssigned': {
      const { year: number, maxTotal, indicators } = event.data.scheme;
      const year: ClusterYear = { clusterCode, year: number };
      const rollUps = Object.fromEntries(indicators.map((i) => [i.code, i.rollUp]));
      state.schemes.set(clusterKey(year), { maxTotal, rollUps });
      changes.schemes.set(clusterKey(year), { ...year, maxTotal, rollUps });
      return periodsOf(state, year);
    }
    case 'PeriodOpened': {
      const period: ClusterPeriod = { clusterCode, periodId: event.data.periodId };
      addOpenedPeriod(state.periods, period);
      changes.periods.set(clusterKey(period), period);
      return [period];
    }
    case 'AwardsChanged': {
      const { year: number, revision, lines } = event.data;
      const year: ClusterYear = { clusterCode, year: number };
      const kept = state.sheets.get(clusterKey(year));
      if (kept === undefined || kept.revision < revision) {
        state.sheets.set(clusterKey(year), { revision, lines });
        changes.sheets.set(clusterKey(year), { ...year, revision, lines });
      }
      return [yearEndOf(year)];
    }
    case 'ResultsSubmitted': {
      const { periodId, unitCode, submissionVersion, indicators } = event.data;
      const period: ClusterPeriod = { clusterCode, periodId };
      const key = versionKey(period, unitCode, submissionVersion);
      if (!state.submissions.has(key)) {
        state.submissions.set(key, indicators);
        const kept = { clusterCode, periodId, unitCode, submissionVersion, indicators };
        changes.submissions.set(key, kept);
      }
      return [period];
    }
    case 'ScorecardComputed': {
      const { periodId, unitCode, submissionVersion } = event.data;
      const period: ClusterPeriod = { clusterCode, periodId };
      const periodKey = clusterKey(period);
      const cards = state.scorecards.get(periodKey) ?? new Map<string, KeptScorecard>();
      state.scorecards.set(periodKey, cards);
      const before = cards.get(unitCode);
      if (before === undefined || before.submissionVersion <= submissionVersion) {
        const { total, classification, onTime, reviewedIndicators } = event.data;
        const reviewedValues = Object.fromEntries(
          (reviewedIndicators ?? []).map((r) => [r.indicator, r.reviewedValue]),
        );
        // One object for the state and the row: spreading one into the other per event costs more
        // than the rest of the event.
        const card = {
          clusterCode,
          periodId,
          unitCode,
          submissionVersion,
          total,
          classification,
          onTime,
          reviewedValues,
        };
        cards.set(unitCode, card);
        changes.scorecards.set(`${periodKey}/${unitCode}`, card);
      }
      return [period];
    }
    case 'PeriodClosed':
    case 'DeadlineSet':
    case 'PledgesRegistered':
    case 'ScoreReviewed':
    case 'IndicatorReviewed':
    case 'SubmissionReturned':
    case 'BonusAdded':
    case 'DeductionAdded':
    case 'TieVoteRecorded':
    case 'AwardDecided':
      // These reach the summaries through the scorecards they lead to.
      return [];
    default: {
      const unhandled: never = event;
      throw new TypeError(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}
