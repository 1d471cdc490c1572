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

export interface Cluster {
  clusterCode: string;
  name?: string;
  year: number;
  members: { unitCode: string; name: string }[];
  lead?: string;
  deputies?: string[];
}

/** The board defines a cluster of `year`, named after its code unless a name is given. */
export async function defineCluster(system: RunningSystem, cluster: Cluster): Promise<void> {
  const { clusterCode, name = clusterCode, ...rest } = cluster;
  expect(await persisted(system, 'DefineCluster', { clusterCode, name, ...rest })).toMatchObject({
    __typename: 'ClusterDefined',
  });
}

export interface Contest extends Cluster {
  scheme: SchemeInput;
  periodId: string;
  deadline?: string;
}

/** Defines the cluster, assigns its scheme and opens its period, as the board would. */
export async function openContest(system: RunningSystem, contest: Contest): Promise<void> {
  const { scheme, periodId, deadline = tomorrow(), ...cluster } = contest;
  const { clusterCode } = cluster;
  await defineCluster(system, cluster);
  expect(await persisted(system, 'AssignScheme', { clusterCode, scheme })).toMatchObject({
    __typename: 'SchemeAssignedPayload',
  });
  expect(await persisted(system, 'OpenPeriod', { clusterCode, periodId, deadline })).toMatchObject({
    __typename: 'PeriodPayload',
  });
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
