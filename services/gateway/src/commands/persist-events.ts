import type { AnyEvent } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';

/**
 * Writes what accepted events change in the gateway's own tables, the state later commands load.
 * Events that only inform other services (pledges, reviewed scores, award decisions, tie votes)
 * change nothing here.
 */
export async function persistEvents(
  trx: Transaction<GatewayDatabase>,
  events: readonly AnyEvent[],
): Promise<void> {
  for (const event of events) await persistEvent(trx, event);
}

async function persistEvent(trx: Transaction<GatewayDatabase>, event: AnyEvent): Promise<void> {
  const { clusterCode } = event;
  switch (event.type) {
    case 'ClusterDefined': {
      const { name, year, lead } = event.data;
      const members = JSON.stringify(event.data.members);
      const deputies = JSON.stringify(event.data.deputies);
      await trx
        .insertInto('clusters')
        .values({ cluster_code: clusterCode, year, name, lead, deputies, members })
        .onConflict((oc) =>
          oc.columns(['cluster_code', 'year']).doUpdateSet({ name, lead, deputies, members }),
        )
        .execute();
      return;
    }
    case 'SchemeAssigned': {
      const scheme = JSON.stringify(event.data.scheme);
      await trx
        .insertInto('schemes')
        .values({ cluster_code: clusterCode, year: event.data.scheme.year, scheme })
        .onConflict((oc) => oc.columns(['cluster_code', 'year']).doUpdateSet({ scheme }))
        .execute();
      return;
    }
    case 'PeriodOpened':
      await trx
        .insertInto('periods')
        .values({
          cluster_code: clusterCode,
          period_id: event.data.periodId,
          deadline: event.data.deadline,
          status: 'OPEN',
          opened_at: event.occurredAt,
        })
        .execute();
      return;
    case 'DeadlineSet':
      await trx
        .updateTable('periods')
        .set({ deadline: event.data.deadline })
        .where('cluster_code', '=', clusterCode)
        .where('period_id', '=', event.data.periodId)
        .execute();
      return;
    case 'PeriodClosed':
      await trx
        .updateTable('periods')
        .set({ status: 'CLOSED' })
        .where('cluster_code', '=', clusterCode)
        .where('period_id', '=', event.data.periodId)
        .execute();
      return;
    case 'ResultsSubmitted':
      await trx
        .insertInto('submissions')
        .values({
          cluster_code: clusterCode,
          period_id: event.data.periodId,
          unit_code: event.data.unitCode,
          version: event.data.submissionVersion,
          submitted_at: event.data.submittedAt,
          event_id: event.id,
          indicators: JSON.stringify(event.data.indicators),
          recorded_by: event.data.paperReport?.recordedBy,
          recorded_at: event.data.paperReport?.recordedAt,
        })
        .execute();
      return;
    case 'IndicatorReviewed': {
      const { reviewedValue, reason, reviewer } = event.data;
      await trx
        .insertInto('indicator_reviews')
        .values({
          cluster_code: clusterCode,
          period_id: event.data.periodId,
          unit_code: event.data.unitCode,
          indicator: event.data.indicator,
          reviewed_value: reviewedValue,
          reason,
          reviewer,
          reviewed_at: event.occurredAt,
        })
        .onConflict((oc) =>
          oc.columns(['cluster_code', 'period_id', 'unit_code', 'indicator']).doUpdateSet({
            reviewed_value: reviewedValue,
            reason,
            reviewer,
            reviewed_at: event.occurredAt,
          }),
        )
        .execute();
      return;
    }
    case 'ScoreReviewed': {
      const { reviewedScore, reason, reviewer } = event.data;
      await trx
        .insertInto('score_reviews')
        .values({
          cluster_code: clusterCode,
          period_id: event.data.periodId,
          unit_code: event.data.unitCode,
          criterion: event.data.criterion,
          reviewed_score: reviewedScore,
          reason,
          reviewer,
          reviewed_at: event.occurredAt,
        })
        .onConflict((oc) =>
          oc.columns(['cluster_code', 'period_id', 'unit_code', 'criterion']).doUpdateSet({
            reviewed_score: reviewedScore,
            reason,
            reviewer,
            reviewed_at: event.occurredAt,
          }),
        )
        .execute();
      return;
    }
    case 'SubmissionReturned':
      await trx
        .updateTable('submissions')
        .set({
          returned_reason: event.data.reason,
          returned_by: event.data.returnedBy,
          returned_at: event.occurredAt,
        })
        .where('cluster_code', '=', clusterCode)
        .where('period_id', '=', event.data.periodId)
        .where('unit_code', '=', event.data.unitCode)
        .where('version', '=', event.data.submissionVersion)
        .execute();
      return;
    case 'BonusAdded':
    case 'DeductionAdded':
      await trx
        .insertInto('adjustment_items')
        .values({
          cluster_code: clusterCode,
          period_id: event.data.periodId,
          unit_code: event.data.unitCode,
          kind: event.type === 'BonusAdded' ? 'BONUS' : 'DEDUCTION',
          items: 1,
        })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'period_id', 'unit_code', 'kind'])
            .doUpdateSet((eb) => ({ items: eb('adjustment_items.items', '+', 1) })),
        )
        .execute();
      return;
    default:
      return;
  }
}
