/** The shapes the persisted operations of schema/graphql/operations answer with. */

export interface ClusterRole {
  clusterCode: string;
  year: number;
  role: string;
}

export interface Me {
  subject: string;
  central: boolean;
  unitCode: string | null;
  roles: ClusterRole[];
}

export interface PeriodInfo {
  periodId: string;
  deadline: string;
  status: string;
}

export interface ClusterInfo {
  name: string;
  lead: string | null;
  deputies: string[];
  members: { unitCode: string; name: string; mergedFrom: string[] }[];
  periods: PeriodInfo[];
}

export interface RankingEntry {
  rank: number | null;
  unitCode: string;
  unitName: string;
  status: 'RANKED' | 'NOT_SUBMITTED';
  total: string | null;
  criteriaSum: string | null;
  deductions: string | null;
  classification: string | null;
  movement: number | null;
}

export interface Standings {
  revision: number;
  changedAt: string;
  entries: RankingEntry[];
}

export interface CriterionPoints {
  code: string;
  method: string;
  points: string;
  maxPoints: string;
  formula: string;
  inputs: unknown;
}

export interface Scorecard {
  submissionVersion: number;
  total: string;
  criteriaSum: string;
  bonus: string;
  deductions: string;
  lateness: string;
  onTime: boolean;
  classification: string;
  criteria: CriterionPoints[];
  reviewedIndicators: {
    indicator: string;
    submittedValue: string;
    reviewedValue: string;
    reason: string;
    reviewer: string;
  }[];
  returned: { reason: string; returnedBy: string; returnedAt: string } | null;
}

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

export interface FieldProblem {
  path: string;
  message: string;
  messageVi: string;
}

export type SubmitResultsResult =
  | { __typename: 'SubmissionAccepted'; version: number; submittedAt: string; onTime: boolean }
  | { __typename: 'ValidationError'; fields: FieldProblem[]; message: string; messageVi: string }
  | {
      __typename: 'ConflictError' | 'ForbiddenError' | 'NotFoundError';
      message: string;
      messageVi: string;
    };
