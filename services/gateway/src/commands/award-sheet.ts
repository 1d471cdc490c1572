import type { PublishedAwardSheetRow } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';

/**
 * The award sheet of a cluster's year as the awards service last published it, if any. The one
 * place a command checks state the gateway does not own: the proposal is the awards service's
 * computation (quota, eligibility, tie groups), and the gateway does not repeat it. The view is
 * eventually consistent, so it may lag a change the gateway already accepted (a review, a bonus,
 * a vote, a decision) by the time the services take to follow. What a stale sheet can cause, and
 * why that is safe (ARCHITECTURE.md, "API and roles"): a command refused that the next sheet would
 * allow, which the caller sends again; or a command accepted for a line or tie that is no longer
 * current, which the awards service keeps but does not apply (a decision counts only on a line the
 * current proposal has, a vote only when it settles exactly the tie pending now).
 */
export async function lastPublishedAwardSheet(
  trx: Transaction<GatewayDatabase>,
  clusterCode: string,
  year: number,
): Promise<PublishedAwardSheetRow['sheet'] | null> {
  const row = await trx
    .selectFrom('awards.published_award_sheets')
    .select('sheet')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.sheet ?? null;
}
