import { clusterKey, newestPerKey, type ClusterPeriod, type ClusterYear } from '@thidua/kit';
import { yearOf, type ContestEvent, type EventOf } from '@thidua/schema';
import { unitKey, type ScoringChanges, type ScoringState } from './state.ts';

/** The fact rows a batch writes so far, the newest of each key. */
export interface PendingChanges {
  clusters: Map<string, ScoringChanges['clusters'][number]>;
  deadlines: Map<string, ScoringChanges['deadlines'][number]>;
  closed: Map<string, ClusterPeriod>;
  schemes: Map<string, ScoringChanges['schemes'][number]>;
  pledges: Map<string, ScoringChanges['pledges'][number]>;
  reviews: Map<string, ScoringChanges['reviews'][number]>;
  indicatorReviews: Map<string, ScoringChanges['indicatorReviews'][number]>;
  adjustments: Map<string, ScoringChanges['adjustments'][number]>;
  submissions: Map<string, ScoringChanges['submissions'][number]>;
}

export const emptyPending = (): PendingChanges => ({
  clusters: new Map(),
  deadlines: new Map(),
  closed: new Map(),
  schemes: new Map(),
  pledges: new Map(),
  reviews: new Map(),
  indicatorReviews: new Map(),
  adjustments: new Map(),
  submissions: new Map(),
});

/**
 * Applies a contest fact other than a submission (applySubmissions takes those) to the batch's
 * working state and the rows it will write, and says which periods it makes stale. Facts may arrive
 * in any order across clusters; a submission before its period or scheme is kept and scored once
 * they are known.
 */
export function applyEvent(
  state: ScoringState,
  changes: PendingChanges,
  event: Exclude<ContestEvent, EventOf<'ResultsSubmitted'>>,
): ClusterPeriod[] {
  const clusterCode = event.clusterCode;
  const periodsOf = (year: number) => state.periods.get(clusterKey({ clusterCode, year }));
  const periodsOfYear = (year: number): ClusterPeriod[] =>
    [...(periodsOf(year)?.keys() ?? [])].map((periodId) => ({ clusterCode, periodId }));
  const isOpened = (periodId: string) => periodsOf(yearOf(periodId))?.has(periodId) === true;
  const setDeadline = (periodId: string, deadline: string) => {
    const year = yearOf(periodId);
    const periods = new Map(periodsOf(year));
    periods.set(periodId, deadline);
    state.periods.set(clusterKey({ clusterCode, year }), periods);
    const period: ClusterPeriod = { clusterCode, periodId };
    changes.deadlines.set(clusterKey(period), { ...period, deadline });
    return [period];
  };

  switch (event.type) {
    case 'ClusterDefined': {
      const year: ClusterYear = { clusterCode, year: event.data.year };
      changes.clusters.set(clusterKey(year), { ...year, members: event.data.members });
      return [];
    }
    case 'PeriodOpened':
      return setDeadline(event.data.periodId, event.data.deadline);
    case 'DeadlineSet': {
      const { periodId, deadline } = event.data;
      return isOpened(periodId) ? setDeadline(periodId, deadline) : [];
    }
    case 'PeriodClosed': {
      const period: ClusterPeriod = { clusterCode, periodId: event.data.periodId };
      if (isOpened(period.periodId)) changes.closed.set(clusterKey(period), period);
      return [];
    }
    case 'SchemeAssigned': {
      const { scheme } = event.data;
      const year: ClusterYear = { clusterCode, year: scheme.year };
      changes.schemes.set(clusterKey(year), { ...year, scheme });
      return periodsOfYear(scheme.year);
    }
    case 'PledgesRegistered': {
      const { unitCode, year, targets } = event.data;
      const key = `${clusterKey({ clusterCode, year })}/${unitCode}`;
      changes.pledges.set(key, { clusterCode, year, unitCode, targets });
      return periodsOfYear(year);
    }
    case 'ScoreReviewed': {
      const { unitCode, periodId, criterion, reviewedScore, reason } = event.data;
      const key = `${unitKey(clusterCode, periodId, unitCode)}/${criterion}`;
      changes.reviews.set(key, {
        clusterCode,
        periodId,
        unitCode,
        criterion,
        reviewedScore,
        reason,
      });
      return [{ clusterCode, periodId }];
    }
    case 'IndicatorReviewed': {
      const { unitCode, periodId, indicator, reviewedValue, reason, reviewer } = event.data;
      const key = `${unitKey(clusterCode, periodId, unitCode)}/${indicator}`;
      changes.indicatorReviews.set(key, {
        clusterCode,
        periodId,
        unitCode,
        indicator,
        reviewedValue,
        reason,
        reviewer,
      });
      // The whole period: a reviewed value may change the best value of a RELATIVE criterion.
      return [{ clusterCode, periodId }];
    }
    case 'BonusAdded':
    case 'DeductionAdded': {
      const { itemId, periodId, unitCode, points, reason } = event.data;
      // An item is kept as first given; another event with its id changes nothing.
      if (!changes.adjustments.has(itemId)) {
        changes.adjustments.set(itemId, {
          itemId,
          clusterCode,
          periodId,
          unitCode,
          kind: event.type === 'BonusAdded' ? 'BONUS' : 'DEDUCTION',
          points,
          reason,
          disqualifying: event.type === 'DeductionAdded' && event.data.disqualifying,
        });
      }
      return [{ clusterCode, periodId }];
    }
    case 'TieVoteRecorded':
    case 'AwardDecided':
    case 'SubmissionReturned':
      // Awards do not change a scorecard; a returned submission keeps counting as it is.
      return [];
    default: {
      const unhandled: never = event;
      throw new TypeError(`unhandled contest event ${JSON.stringify(unhandled)}`);
    }
  }
}

/** A submission event and its place in the batch. */
export interface PlacedSubmission {
  event: EventOf<'ResultsSubmitted'>;
  index: number;
}

/**
 * Keeps the newest version of each unit's submission and returns the submissions that replace
 * what was counted. Only a newer version replaces the counted one, so an old event replayed late
 * changes nothing; of two equal versions in one batch the first is kept, as one by one.
 */
export function applySubmissions(
  state: ScoringState,
  changes: PendingChanges,
  submissions: readonly PlacedSubmission[],
): PlacedSubmission[] {
  const newest = newestPerKey(
    submissions,
    ({ event }) => unitKey(event.clusterCode, event.data.periodId, event.data.unitCode),
    ({ event }) => event.data.submissionVersion,
    'first',
  );
  const replaced: PlacedSubmission[] = [];
  for (const [key, placed] of newest) {
    const { clusterCode, data } = placed.event;
    const counted = state.submissionVersions.get(key);
    if (counted !== undefined && counted >= data.submissionVersion) continue;
    state.submissionVersions.set(key, data.submissionVersion);
    changes.submissions.set(key, { clusterCode, periodId: data.periodId, submission: data });
    replaced.push(placed);
  }
  return replaced;
}
