import type { ClusterPeriod } from '@thidua/kit';
import type { AwardsEvent, ContestEvent, ScoresEvent } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { ReportingDatabase } from './database.ts';

/** The events applied one at a time: all but submissions and scorecards, recorded a batch at a time. */
export type SingleEvent = Exclude<
  ContestEvent | ScoresEvent | AwardsEvent,
  { type: 'ResultsSubmitted' | 'ScorecardComputed' }
>;

/** Records what the summaries need from an event; says which summaries are stale. */
export async function applyEvent(
  trx: Transaction<ReportingDatabase>,
  event: SingleEvent,
): Promise<ClusterPeriod[]> {
  const clusterCode = event.clusterCode;
  const periodsOfYear = async (year: number) =>
    (
      await trx
        .selectFrom('periods')
        .select('period_id')
        .where('cluster_code', '=', clusterCode)
        .where('period_id', 'like', `${year}-%`)
        .execute()
    ).map((row) => ({ clusterCode, periodId: row.period_id }));

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
      const { year, maxTotal, indicators } = event.data.scheme;
      const rollUps = JSON.stringify(Object.fromEntries(indicators.map((i) => [i.code, i.rollUp])));
      await trx
        .insertInto('max_totals')
        .values({ cluster_code: clusterCode, year, max_total: maxTotal, roll_ups: rollUps })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'year'])
            .doUpdateSet({ max_total: maxTotal, roll_ups: rollUps }),
        )
        .execute();
      return periodsOfYear(year);
    }
    case 'PeriodOpened': {
      await trx
        .insertInto('periods')
        .values({ cluster_code: clusterCode, period_id: event.data.periodId })
        .onConflict((oc) => oc.columns(['cluster_code', 'period_id']).doNothing())
        .execute();
      return [{ clusterCode, periodId: event.data.periodId }];
    }
    case 'AwardsChanged': {
      const { year, revision, lines } = event.data;
      const json = JSON.stringify(lines);
      await trx
        .insertInto('award_sheets')
        .values({ cluster_code: clusterCode, year, revision, lines: json })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'year'])
            .doUpdateSet({ revision, lines: json })
            .where('award_sheets.revision', '<', revision),
        )
        .execute();
      return [{ clusterCode, periodId: `${year}-FY` }];
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
