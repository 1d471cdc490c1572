import {
  decimal,
  makeEvent,
  type Actor,
  type Scheme,
  type SubmissionProblem,
} from '@thidua/schema';
import {
  accept,
  commandOf,
  eventHeader,
  invalid,
  problem,
  zodProblems,
  type Decide,
} from './command.ts';
import { findMembership, notAMember, type Membership } from './membership.ts';
import { unlessSelf } from './rights.ts';

export interface RegisterPledgesInput {
  unitCode: string;
  year: number;
  targets: readonly { indicator: string; target: string }[];
  actor: Actor;
}

/** The unit's cluster in the year and the scheme assigned to it, each null when there is none. */
export interface RegisterPledgesState {
  membership: Membership | null;
  scheme: Scheme | null;
}

/**
 * Registers a unit's targets (giao ước) for a year. They replace any earlier registration and
 * become the targets of the year's TARGET criteria for that unit.
 */
export const decideRegisterPledges: Decide<
  RegisterPledgesInput,
  RegisterPledgesState,
  { unitCode: string; year: number; targets: number }
> = (input, { membership, scheme }, context) => {
  const refused = unlessSelf(input.actor, input.unitCode);
  if (refused !== null) return refused;
  if (membership === null) return invalid([notAMember(input.unitCode, input.year)]);
  if (scheme === null) {
    return invalid([
      problem(
        'year',
        `no scheme is assigned to ${membership.clusterCode} for ${input.year}`,
        `Cụm ${membership.clusterCode} chưa có bảng chấm điểm năm ${input.year}`,
      ),
    ]);
  }
  const targeted = new Set(
    scheme.headings.flatMap((h) =>
      h.criteria.flatMap((c) => (c.method === 'TARGET' ? [c.indicator] : [])),
    ),
  );
  const problems: SubmissionProblem[] = [];
  const targets: Record<string, string> = {};
  input.targets.forEach(({ indicator, target }, index) => {
    const path = `targets.${index}`;
    const value = decimal.safeParse(target);
    if (!value.success) problems.push(...zodProblems(value.error, `${path}.target`));
    if (!targeted.has(indicator)) {
      problems.push(
        problem(
          `${path}.indicator`,
          `${indicator} is not the indicator of a TARGET criterion of the scheme`,
          `${indicator} không phải chỉ số của tiêu chí tính theo chỉ tiêu trong bảng điểm`,
        ),
      );
    }
    if (Object.hasOwn(targets, indicator)) {
      problems.push(
        problem(
          `${path}.indicator`,
          `${indicator} is given twice`,
          `${indicator} bị khai báo hai lần`,
        ),
      );
    }
    targets[indicator] = target;
  });
  if (problems.length > 0) return invalid(problems);
  return accept(
    { unitCode: input.unitCode, year: input.year, targets: input.targets.length },
    [
      makeEvent('PledgesRegistered', {
        ...eventHeader(context, membership.clusterCode),
        data: { unitCode: input.unitCode, year: input.year, targets },
      }),
    ],
    input.actor,
  );
};

export const registerPledges = commandOf(
  async (trx, input: RegisterPledgesInput): Promise<RegisterPledgesState> => {
    const membership = await findMembership(trx, input.unitCode, input.year);
    if (membership === null) return { membership, scheme: null };
    const row = await trx
      .selectFrom('schemes')
      .select('scheme')
      .where('cluster_code', '=', membership.clusterCode)
      .where('year', '=', input.year)
      .executeTakeFirst();
    return { membership, scheme: row?.scheme ?? null };
  },
  decideRegisterPledges,
);
