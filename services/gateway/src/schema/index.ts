import { builder } from '../builder.ts';
import './scalars.ts';
import './errors.ts';
import './contest.ts';
import './contest-queries.ts';
import './submissions.ts';
import './reviews.ts';
import './verification.ts';
import './ranking.ts';
import './scorecards.ts';
import './summary.ts';
import './awards.ts';
import './me.ts';
import './units.ts';
import '../evidence/graphql.ts';

/** The whole GraphQL schema, built once. */
export const schema = builder.toSchema({ sortSchema: true });
