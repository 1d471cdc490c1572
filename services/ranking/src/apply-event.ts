import type { ClusterPeriod } from '@thidua/kit';
import type { ContestEvent } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { RankingDatabase } from './database.ts';

/**
 * Records what ranking needs from a contest fact; says which standings are stale. Scorecards are
 * recorded a batch at a time (record-scorecards.ts).
 */
export async function applyEvent(
  trx: Transaction<RankingDatabase>,
  event: ContestEvent,
): Promise<ClusterPeriod[]> {
  const clusterCode = event.clusterCode;
  const stale = (periodId: string): ClusterPeriod => ({ clusterCode, periodId });
  const periodsOfYear = async (year: number) =>
    (
      await trx
        .selectFrom('periods')
        .select('period_id')
        .where('cluster_code', '=', clusterCode)
        .where('period_id', 'like', `${year}-%`)
        .execute()
    ).map((row) => stale(row.period_id));

  switch (event.type) {
    case 'ClusterDefined': {
      const members = JSON.stringify(event.data.members);
      await trx
        .insertInto('clusters')
        .values({ cluster_code: clusterCode, year: event.data.year, members })
        .onConflict((oc) => oc.columns(['cluster_code', 'year']).doUpdateSet({ members }))
        .execute();
      return periodsOfYear(event.data.year);
    }
    case 'SchemeAssigned': {
      const { year, tieBreaks } = event.data.scheme;
      const json = JSON.stringify(tieBreaks);
      await trx
        .insertInto('tie_breaks')
        .values({ cluster_code: clusterCode, year, tie_breaks: json })
        .onConflict((oc) => oc.columns(['cluster_code', 'year']).doUpdateSet({ tie_breaks: json }))
        .execute();
      return periodsOfYear(year);
    }
    case 'PeriodOpened': {
      await trx
        .insertInto('periods')
        .values({ cluster_code: clusterCode, period_id: event.data.periodId })
        .onConflict((oc) => oc.columns(['cluster_code', 'period_id']).doNothing())
        .execute();
      return [stale(event.data.periodId)];
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
