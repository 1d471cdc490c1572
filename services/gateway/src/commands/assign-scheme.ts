import { makeEvent, schemeProblems, scheme as schemeSchema, type Actor } from '@thidua/schema';
import { randomUUID } from 'node:crypto';
import { accept, invalid, problem, zodProblems, type Command } from './command.ts';
import { unlessCentral } from './rights.ts';

/** Assigns a year's scheme, with its full content, to a cluster. */
export const assignScheme =
  (input: {
    clusterCode: string;
    scheme: unknown;
    actor: Actor;
  }): Command<{ clusterCode: string; year: number; code: string }> =>
  async ({ trx, now }) => {
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
    const cluster = await trx
      .selectFrom('clusters')
      .select('cluster_code')
      .where('cluster_code', '=', input.clusterCode)
      .where('year', '=', scheme.year)
      .executeTakeFirst();
    if (cluster === undefined) {
      problems.push(
        problem(
          'clusterCode',
          `cluster ${input.clusterCode} is not defined for ${scheme.year}`,
          `Cụm ${input.clusterCode} chưa được xác lập cho năm ${scheme.year}`,
        ),
      );
    }
    if (problems.length > 0) return invalid(problems);
    const json = JSON.stringify(scheme);
    await trx
      .insertInto('schemes')
      .values({ cluster_code: input.clusterCode, year: scheme.year, scheme: json })
      .onConflict((oc) => oc.columns(['cluster_code', 'year']).doUpdateSet({ scheme: json }))
      .execute();
    return accept(
      { clusterCode: input.clusterCode, year: scheme.year, code: scheme.code },
      [
        makeEvent('SchemeAssigned', {
          id: randomUUID(),
          occurredAt: now.toISOString(),
          source: 'gateway',
          clusterCode: input.clusterCode,
          causationId: null,
          data: { scheme },
        }),
      ],
      input.actor,
    );
  };
