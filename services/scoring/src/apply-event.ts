import type { ClusterPeriod } from '@thidua/kit';
import type { ContestEvent, EventOf } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { ScoringDatabase } from './database.ts';

/**
 * Records a contest fact other than a submission (recordSubmissions writes those) in the scoring state and says which periods it
 * makes stale. Facts may arrive in any order across clusters; a submission before its period or
 * scheme is kept and scored once they are known.
 */
export async function applyEvent(
  trx: Transaction<ScoringDatabase>,
  event: Exclude<ContestEvent, EventOf<'ResultsSubmitted'>>,
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
      return [];
    }
    case 'PeriodOpened': {
      const { periodId, deadline } = event.data;
      await trx
        .insertInto('periods')
        .values({ cluster_code: clusterCode, period_id: periodId, deadline, closed: false })
        .onConflict((oc) => oc.columns(['cluster_code', 'period_id']).doUpdateSet({ deadline }))
        .execute();
      return [stale(periodId)];
    }
    case 'PeriodClosed': {
      await trx
        .updateTable('periods')
        .set({ closed: true })
        .where('cluster_code', '=', clusterCode)
        .where('period_id', '=', event.data.periodId)
        .execute();
      return [];
    }
    case 'SchemeAssigned': {
      const { scheme } = event.data;
      const json = JSON.stringify(scheme);
      await trx
        .insertInto('schemes')
        .values({ cluster_code: clusterCode, year: scheme.year, scheme: json })
        .onConflict((oc) => oc.columns(['cluster_code', 'year']).doUpdateSet({ scheme: json }))
        .execute();
      return periodsOfYear(scheme.year);
    }
    case 'DeadlineSet': {
      const { periodId, deadline } = event.data;
      const moved = await trx
        .updateTable('periods')
        .set({ deadline })
        .where('cluster_code', '=', clusterCode)
        .where('period_id', '=', periodId)
        .executeTakeFirst();
      return moved.numUpdatedRows === 0n ? [] : [stale(periodId)];
    }
    case 'PledgesRegistered': {
      const { unitCode, year, targets } = event.data;
      const json = JSON.stringify(targets);
      await trx
        .insertInto('pledges')
        .values({ cluster_code: clusterCode, year, unit_code: unitCode, targets: json })
        .onConflict((oc) =>
          oc.columns(['cluster_code', 'year', 'unit_code']).doUpdateSet({ targets: json }),
        )
        .execute();
      return periodsOfYear(year);
    }
    case 'ScoreReviewed': {
      const { unitCode, periodId, criterion, reviewedScore, reason } = event.data;
      await trx
        .insertInto('reviews')
        .values({
          cluster_code: clusterCode,
          period_id: periodId,
          unit_code: unitCode,
          criterion,
          reviewed_score: reviewedScore,
          reason,
        })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'period_id', 'unit_code', 'criterion'])
            .doUpdateSet({ reviewed_score: reviewedScore, reason }),
        )
        .execute();
      return [stale(periodId)];
    }
    case 'IndicatorReviewed': {
      const { unitCode, periodId, indicator, reviewedValue, reason, reviewer } = event.data;
      await trx
        .insertInto('indicator_reviews')
        .values({
          cluster_code: clusterCode,
          period_id: periodId,
          unit_code: unitCode,
          indicator,
          reviewed_value: reviewedValue,
          reason,
          reviewer,
        })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'period_id', 'unit_code', 'indicator'])
            .doUpdateSet({ reviewed_value: reviewedValue, reason, reviewer }),
        )
        .execute();
      // The whole period: a reviewed value may change the best value of a RELATIVE criterion.
      return [stale(periodId)];
    }
    case 'BonusAdded':
    case 'DeductionAdded': {
      const item = event.data;
      await trx
        .insertInto('adjustments')
        .values({
          item_id: item.itemId,
          cluster_code: clusterCode,
          period_id: item.periodId,
          unit_code: item.unitCode,
          kind: event.type === 'BonusAdded' ? 'BONUS' : 'DEDUCTION',
          points: item.points,
          reason: item.reason,
          disqualifying: event.type === 'DeductionAdded' && event.data.disqualifying,
        })
        .onConflict((oc) => oc.column('item_id').doNothing())
        .execute();
      return [stale(item.periodId)];
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
