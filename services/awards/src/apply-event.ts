import type { ContestEvent, RankingsEvent, ScoresEvent } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { AwardsDatabase } from './database.ts';

/** A cluster's year whose award sheet must be worked out again. */
export interface StaleSheet {
  clusterCode: string;
  year: number;
  causationId: string;
  causedAt: string;
}

const yearEnd = (periodId: string) =>
  periodId.endsWith('-FY') ? Number(periodId.slice(0, 4)) : null;

/** Records what the awards need from an event; says which award sheets are stale. */
export async function applyEvent(
  trx: Transaction<AwardsDatabase>,
  event: ContestEvent | ScoresEvent | RankingsEvent,
): Promise<StaleSheet[]> {
  const clusterCode = event.clusterCode;
  const stale = (year: number): StaleSheet[] => [
    { clusterCode, year, causationId: event.id, causedAt: event.occurredAt },
  ];
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
    case 'ScorecardComputed': {
      const card = event.data;
      const year = yearEnd(card.periodId);
      if (year === null) return [];
      const values = {
        submission_version: card.submissionVersion,
        classification: card.classification,
        disqualified: card.disqualified,
        on_time: card.onTime,
      };
      await trx
        .insertInto('scorecards')
        .values({ cluster_code: clusterCode, year, unit_code: card.unitCode, ...values })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'year', 'unit_code'])
            .doUpdateSet(values)
            .where('scorecards.submission_version', '<=', card.submissionVersion),
        )
        .execute();
      return stale(year);
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
