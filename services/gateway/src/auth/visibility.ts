import type { Kysely } from 'kysely';
import { findMembership } from '../commands/membership.ts';
import type { GatewayDatabase } from '../database.ts';
import type { Viewer } from './viewer.ts';
import { yearOf } from '../period-year.ts';

/** The central board sees everything; a unit sees its own cluster's ranking, summary and awards. */
export async function maySeeCluster(
  db: Kysely<GatewayDatabase>,
  viewer: Viewer,
  clusterCode: string,
  year: number,
): Promise<boolean> {
  if (viewer.role === 'CENTRAL') return true;
  return (await findMembership(db, viewer.unitCode, year))?.clusterCode === clusterCode;
}

/**
 * A scorecard in detail: the unit itself, its cluster's lead and deputies of the year, and the
 * central board; once the period is closed, every member of the cluster.
 */
export async function maySeeScorecard(
  db: Kysely<GatewayDatabase>,
  viewer: Viewer,
  unitCode: string,
  periodId: string,
): Promise<boolean> {
  if (viewer.role === 'CENTRAL' || viewer.unitCode === unitCode) return true;
  const year = yearOf(periodId);
  const membership = await findMembership(db, unitCode, year);
  if (membership === null) return false;
  if (membership.lead === viewer.unitCode || membership.deputies.includes(viewer.unitCode))
    return true;
  const sameCluster =
    (await findMembership(db, viewer.unitCode, year))?.clusterCode === membership.clusterCode;
  if (!sameCluster) return false;
  const period = await db
    .selectFrom('periods')
    .select('status')
    .where('cluster_code', '=', membership.clusterCode)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
  return period?.status === 'CLOSED';
}

/** The cluster's reviewers in a year: the central board, the lead and the deputies. */
export async function mayReviewCluster(
  db: Kysely<GatewayDatabase>,
  viewer: Viewer,
  clusterCode: string,
  year: number,
): Promise<boolean> {
  if (viewer.role === 'CENTRAL') return true;
  const cluster = await db
    .selectFrom('clusters')
    .select(['lead', 'deputies'])
    .where('cluster_code', '=', clusterCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return (
    cluster !== undefined &&
    (cluster.lead === viewer.unitCode || cluster.deputies.includes(viewer.unitCode))
  );
}
