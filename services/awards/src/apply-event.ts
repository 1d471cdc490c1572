import type { ClusterYear } from '@thidua/kit';
import type { ContestEvent, EventOf, RankingsEvent, ScoresEvent } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { AwardsDatabase } from './database.ts';
import { yearEnd } from './record-scorecards.ts';

/**
 * Records what the awards need from an event other than a scorecard (recordScorecards writes
 * those); says which award sheets are stale.
 */
export async function applyEvent(
  trx: Transaction<AwardsDatabase>,
  event: Exclude<ContestEvent | ScoresEvent | RankingsEvent, EventOf<'ScorecardComputed'>>,
): Promise<ClusterYear[]> {
  const clusterCode = event.clusterCode;
  const stale = (year: number): ClusterYear[] => [{ clusterCode, year }];
  switch (event.type) {
    case 'ClusterDefined': {
      const { year, members } = event.data;
      await trx
        .insertInto('clusters')
        .values({ cluster_code: clusterCode, year, member_count: members.length })
        .onConflict((oc) =>
          oc.columns(['cluster_code', 'year']).doUpdateSet({ member_count: members.length }),
        )
        .execute();
      return stale(year);
    }
    case 'SchemeAssigned': {
      const { year, flagQuota, meritQuota, awardsRequireOnTime } = event.data.scheme;
      const rules = JSON.stringify({ flagQuota, meritQuota, awardsRequireOnTime });
      await trx
        .insertInto('rules')
        .values({ cluster_code: clusterCode, year, rules })
        .onConflict((oc) => oc.columns(['cluster_code', 'year']).doUpdateSet({ rules }))
        .execute();
      return stale(year);
    }
    case 'PeriodClosed': {
      const year = yearEnd(event.data.periodId);
      if (year === null) return [];
      await trx
        .insertInto('closed_years')
        .values({ cluster_code: clusterCode, year })
        .onConflict((oc) => oc.columns(['cluster_code', 'year']).doNothing())
        .execute();
      return stale(year);
    }
    case 'TieVoteRecorded': {
      await trx
        .insertInto('votes')
        .values({
          cluster_code: clusterCode,
          year: event.data.year,
          vote: JSON.stringify(event.data),
        })
        .execute();
      return stale(event.data.year);
    }
    case 'AwardDecided': {
      await trx
        .insertInto('decisions')
        .values({
          cluster_code: clusterCode,
          year: event.data.year,
          decision: JSON.stringify(event.data),
        })
        .execute();
      return stale(event.data.year);
    }
    case 'StandingsChanged': {
      const year = yearEnd(event.data.periodId);
      if (year === null) return [];
      const { revision, entries } = event.data;
      const json = JSON.stringify(entries);
      await trx
        .insertInto('standings')
        .values({ cluster_code: clusterCode, year, revision, entries: json })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'year'])
            .doUpdateSet({ revision, entries: json })
            .where('standings.revision', '<', revision),
        )
        .execute();
      return stale(year);
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
