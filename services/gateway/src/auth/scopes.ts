import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { signInError } from './require-viewer.ts';
import { mayReviewCluster, maySeeCluster, maySeeScorecard } from './visibility.ts';

/** What a field may demand of the caller; each is checked once per request and parameter. */
export interface GatewayAuthScopes {
  /** Any valid token. */
  signedIn: boolean;
  centralBoard: boolean;
  /** The caller is this unit's staff. */
  ownUnit: string;
  /** The cluster's ranking, summary, scheme and awards in a year. */
  seeCluster: { cluster: string; year: number };
  /** A unit's scorecard and submissions for a period, in detail. */
  seeUnitPeriod: { unit: string; period: string };
  /** What only the cluster's reviewers see: the central board, the year's lead and deputies. */
  reviewCluster: { cluster: string; year: number };
}

/** The scopes of one request, from its verified token and the contest facts. */
export function scopesOf(context: GatewayContext) {
  const { viewer, db } = context;
  return {
    signedIn: viewer !== null,
    centralBoard: viewer?.role === 'CENTRAL',
    ownUnit: (unitCode: string) => viewer?.role === 'UNIT' && viewer.unitCode === unitCode,
    seeCluster: ({ cluster, year }: GatewayAuthScopes['seeCluster']) =>
      viewer !== null && maySeeCluster(db, viewer, cluster, year),
    seeUnitPeriod: ({ unit, period }: GatewayAuthScopes['seeUnitPeriod']) =>
      viewer !== null && maySeeScorecard(db, viewer, unit, period),
    reviewCluster: ({ cluster, year }: GatewayAuthScopes['reviewCluster']) =>
      viewer !== null && mayReviewCluster(db, viewer, cluster, year),
  };
}

/**
 * Why a field was refused: no token at all, or a token whose holder may not see this. Either way
 * the field gives no data.
 */
export function refusalOf(context: GatewayContext, info: GraphQLResolveInfo): GraphQLError {
  if (context.viewer === null) return signInError();
  const field = `\`${info.fieldName}\``;
  const english = `you may not see ${field} with these arguments`;
  const vietnamese = `Bạn không được xem ${field} với các tham số này`;
  return new GraphQLError(`${english} (${vietnamese})`, {
    extensions: { code: 'FORBIDDEN' },
  });
}
