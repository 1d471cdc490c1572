import { makeEvent, schemeProblems, scheme as schemeSchema, type Actor } from '@thidua/schema';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  problem,
  zodProblems,
  type Decide,
} from './command.ts';
import { clusterNotDefined, findCluster } from './membership.ts';
import { unlessCentral } from './rights.ts';

export interface AssignSchemeInput {
  clusterCode: string;
  scheme: unknown;
  actor: Actor;
}

/** Whether the cluster is defined for the scheme's year (false when the scheme does not parse). */
export interface AssignSchemeState {
  clusterDefined: boolean;
}

/** Assigns a year's scheme, with its full content, to a cluster. */
export const decideAssignScheme: Decide<
  AssignSchemeInput,
  AssignSchemeState,
  { clusterCode: string; year: number; code: string }
> = (input, state, context) => {
  const refused = unlessCentral(input.actor);
  if (refused !== null) return refused;
  const parsed = schemeSchema.safeParse(input.scheme);
  if (!parsed.success) return invalid(zodProblems(parsed.error, 'scheme'));
  const scheme = parsed.data;
  const indicatorCodes = new Set(scheme.indicators.map((i) => i.code));
  const problems = scheme.headings.flatMap((heading, h) =>
    heading.criteria.flatMap((criterion, c) =>
      'indicator' in criterion && !indicatorCodes.has(criterion.indicator)
        ? [
            problem(
              `scheme.headings.${h}.criteria.${c}.indicator`,
              `indicator ${criterion.indicator} is not in the scheme's indicators`,
              `Chỉ số ${criterion.indicator} không có trong danh mục chỉ số của bảng điểm`,
            ),
          ]
        : [],
    ),
  );
  problems.push(
    ...schemeProblems(scheme).map((found) => ({ ...found, path: `scheme.${found.path}` })),
  );
  if (!state.clusterDefined) {
    problems.push(clusterNotDefined(input.clusterCode, scheme.year));
  }
  if (problems.length > 0) return invalid(problems);
  return accept(
    { clusterCode: input.clusterCode, year: scheme.year, code: scheme.code },
    [
      makeEvent('SchemeAssigned', {
        ...eventHeader(context, input.clusterCode),
        data: { scheme },
      }),
    ],
    input.actor,
  );
};

export const assignScheme = commandOf(
  async (trx, input: AssignSchemeInput): Promise<AssignSchemeState> => {
    const year = schemeSchema.safeParse(input.scheme).data?.year;
    if (year === undefined) return { clusterDefined: false };
    return { clusterDefined: (await findCluster(trx, input.clusterCode, year)) !== null };
  },
  decideAssignScheme,
);
