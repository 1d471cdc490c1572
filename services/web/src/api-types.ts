/**
 * The shapes the persisted operations of schema/graphql/operations answer with: named parts of
 * the types generated from the schema (src/operations.generated.ts, `npm run codegen`), and the
 * scheme's JSON, which the schema types only as JSON.
 */
import type {
  ClusterQuery,
  MeQuery,
  PeriodQuery,
  RankingQuery,
  ScorecardQuery,
  SubmitResultsMutation,
} from './operations.generated.ts';

export type Me = MeQuery['me'];
export type ClusterRole = Me['roles'][number];
export type PeriodInfo = NonNullable<PeriodQuery['period']>;
export type ClusterInfo = NonNullable<ClusterQuery['cluster']>;
export type Standings = NonNullable<RankingQuery['ranking']>;
export type RankingEntry = Standings['entries'][number];
export type Scorecard = NonNullable<ScorecardQuery['scorecard']>;
export type CriterionPoints = Scorecard['criteria'][number];
export type SubmitResultsResult = SubmitResultsMutation['submitResults'];
/** One offending field of a ValidationError: where it is and what is wrong with it. */
export type FieldProblem = Extract<
  SubmitResultsResult,
  { __typename: 'ValidationError' }
>['fields'][number];

export interface SchemeIndicator {
  code: string;
  title: string;
  kind: 'COUNT' | 'DECIMAL' | 'PERCENT' | 'YES_NO';
  maxValue?: string;
}

export interface SchemeCriterion {
  code: string;
  title: string;
  maxPoints: string;
  method: string;
  indicator?: string;
}

export interface Scheme {
  title: string;
  maxTotal?: string;
  indicators: SchemeIndicator[];
  headings: { code: string; title: string; criteria: SchemeCriterion[] }[];
}
