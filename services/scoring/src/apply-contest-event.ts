import type { ContestEvent } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { ScoringDatabase } from './database.ts';

/** A cluster's period whose scorecards must be computed again. */
export interface StalePeriod {
  clusterCode: string;
  periodId: string;
  /** The last event that made it stale: the cause of the scorecards it yields. */
  causationId: string;
  causedAt: string;
}

/**
 * Records a contest fact in the scoring state and says which periods it makes stale. Facts may
 * arrive in any order across clusters; a submission before its period or scheme is kept and scored
 * once they are known.
 */
export async function applyContestEvent(
  trx: Transaction<ScoringDatabase>,
  event: ContestEvent,
): Promise<StalePeriod[]> {
  const clusterCode = event.clusterCode;
  const stale = (periodId: string): StalePeriod => ({
    clusterCode,
    periodId,
    causationId: event.id,
    causedAt: event.occurredAt,
  });
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
      const periods = await trx
        .selectFrom('periods')
        .select('period_id')
        .where('cluster_code', '=', clusterCode)
        .where('period_id', 'like', `${scheme.year}-%`)
        .execute();
      return periods.map((p) => stale(p.period_id));
    }
    case 'ResultsSubmitted': {
      const submission = event.data;
      const json = JSON.stringify(submission);
      // Only a newer version replaces the counted one, so an old event replayed late changes nothing.
      const replaced = await trx
        .insertInto('submissions')
        .values({
          cluster_code: clusterCode,
          period_id: submission.periodId,
          unit_code: submission.unitCode,
          submission_version: submission.submissionVersion,
          submission: json,
        })
        .onConflict((oc) =>
          oc
            .columns(['cluster_code', 'period_id', 'unit_code'])
            .doUpdateSet({ submission_version: submission.submissionVersion, submission: json })
            .where('submissions.submission_version', '<', submission.submissionVersion),
        )
        .executeTakeFirst();
      return replaced.numInsertedOrUpdatedRows === 0n ? [] : [stale(submission.periodId)];
    }
    default: {
      const unhandled: never = event;
      throw new TypeError(`unhandled contest event ${JSON.stringify(unhandled)}`);
    }
  }
}
