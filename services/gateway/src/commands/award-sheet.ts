import type { AwardsChangedV1 } from '@thidua/schema';
import type { Transaction } from 'kysely';
import type { GatewayDatabase } from '../database.ts';

/** The award sheet the awards service last published for a cluster's year, if any. */
export async function publishedAwardSheet(
  trx: Transaction<GatewayDatabase>,
  clusterCode: string,
  year: number,
): Promise<Omit<AwardsChangedV1, 'year' | 'revision'> | null> {
  const row = await trx
    .selectFrom('awards.published_award_sheets')
    .select('sheet')
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.sheet ?? null;
}
