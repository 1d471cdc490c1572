import type { SchemeInput } from '@thidua/schema';
import { expect } from 'vitest';
import { operationDocument } from './operations.ts';
import type { RunningSystem } from './system.ts';

/** What a mutation answers: its payload's type, and the refusal's fields when it is refused. */
export interface Payload {
  __typename: string;
  fields?: { path: string; message: string; messageVi: string }[];
  [field: string]: unknown;
}

/**
 * Sends the persisted operation `name` as `as` and returns what its one root field answered,
 * expecting no GraphQL errors (a refusal is a payload, not an error).
 */
export async function persisted(
  system: RunningSystem,
  name: string,
  variables: Record<string, unknown> = {},
  as: string | null = 'central',
): Promise<Payload> {
  const { data, errors } = await system.graphql(operationDocument(name), variables, as);
  expect(errors).toBeUndefined();
  return Object.values(data ?? {})[0] as Payload;
}

/** A day from now: a deadline no test reaches unless it moves it. */
export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

export interface Contest {
  clusterCode: string;
  name?: string;
  year: number;
  members: { unitCode: string; name: string }[];
  lead?: string;
  deputies?: string[];
  scheme: SchemeInput;
  periodId: string;
  deadline?: string;
}

/** Defines the cluster, assigns its scheme and opens its period, as the board would. */
export async function openContest(system: RunningSystem, contest: Contest): Promise<void> {
  const { clusterCode, name = clusterCode, year, members, lead, deputies, scheme } = contest;
  const { periodId, deadline = tomorrow() } = contest;
  const steps: [string, Record<string, unknown>, string][] = [
    ['DefineCluster', { clusterCode, name, year, members, lead, deputies }, 'ClusterDefined'],
    ['AssignScheme', { clusterCode, scheme }, 'SchemeAssignedPayload'],
    ['OpenPeriod', { clusterCode, periodId, deadline }, 'PeriodPayload'],
  ];
  for (const [operation, variables, accepted] of steps) {
    expect(await persisted(system, operation, variables)).toMatchObject({ __typename: accepted });
  }
}

/** SubmitResults' variables: each indicator's figure and each self-assessed criterion's score. */
export const submissionVariables = (
  unitCode: string,
  periodId: string,
  indicators: Record<string, string>,
  selfScores: Record<string, string> = {},
) => ({
  unitCode,
  periodId,
  indicators: Object.entries(indicators).map(([code, value]) => ({ code, value })),
  selfScores: Object.entries(selfScores).map(([criterion, score]) => ({ criterion, score })),
});

/** A unit's staff submit its results through the persisted SubmitResults. */
export const submitResults = (
  system: RunningSystem,
  ...[unitCode, periodId, indicators, selfScores]: Parameters<typeof submissionVariables>
): Promise<Payload> =>
  persisted(
    system,
    'SubmitResults',
    submissionVariables(unitCode, periodId, indicators, selfScores),
    unitCode,
  );
