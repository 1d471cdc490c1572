import { useDisableIntrospection } from '@envelop/disable-introspection';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { costLimitRule } from './query-cost.ts';

/**
 * The bounds every request must stay within. thidua's own types nest at most 5 levels (unit →
 * history → edges → node → field).
 *
 * Cost: every field costs 1 for each item it is resolved for. A connection's page is priced at its
 * `first` or `last` (a variable at the largest page, 100; neither at the default page, 20), a plain
 * list of objects at 50 items, the largest cluster of the national preset (a cluster's members, a
 * ranking's entries, a scorecard's criteria). At their largest pages the persisted operations cost
 * at most 657 (Unit with 100 history items; Scorecard 564, Clusters 506, Ranking 454, mutations
 * about 156 with their ValidationError's fields); a page of 100 clusters with every member and
 * period costs 30,502. The limit of 50,000 lets such a page through and refuses two of them in one
 * query (61,004), 15 aliased ones (457,530) or 100 history items of 1,000 fields (100,103).
 */
export const limits = {
  bodyBytes: 100 * 1024,
  depth: 8,
  aliases: 15,
  tokens: 2000,
  cost: 50_000,
  defaultPage: 20,
  maxPage: 100,
  plainList: 50,
} as const;

/** What each refused limit says in Vietnamese, after graphql-armor's English figures. */
const limitVi = {
  TOKEN_LIMIT_EXCEEDED: `Truy vấn có quá ${String(limits.tokens)} token`,
  DEPTH_LIMIT_EXCEEDED: `Truy vấn lồng sâu quá ${String(limits.depth)} cấp`,
  ALIAS_LIMIT_EXCEEDED: `Truy vấn có quá ${String(limits.aliases)} bí danh`,
} as const;

/**
 * graphql-armor's refusal as a plain error with its code: armor prefixes its messages with
 * "Syntax Error:", which they are not. The token limit is checked while parsing, without a
 * validation context, so that refusal is thrown.
 */
const rejectAs =
  (code: keyof typeof limitVi) => (context: ValidationContext | null, error: GraphQLError) => {
    const refusal = new GraphQLError(
      `${error.message.replace(/^Syntax Error: /, '')} (${limitVi[code]})`,
      { extensions: { code, http: { status: 400 } } },
    );
    if (context === null) throw refusal;
    context.reportError(refusal);
  };

const costLimitPlugin: Plugin = {
  onValidate: ({ addValidationRule }) => {
    addValidationRule(
      costLimitRule({
        maxCost: limits.cost,
        defaultPage: limits.defaultPage,
        maxPage: limits.maxPage,
        plainList: limits.plainList,
      }),
    );
  },
};

/** The validation plugins that enforce `limits`; production also hides the schema. */
export function limitPlugins(production: boolean) {
  const armor = { propagateOnRejection: false } as const;
  return [
    maxTokensPlugin({ n: limits.tokens, ...armor, onReject: [rejectAs('TOKEN_LIMIT_EXCEEDED')] }),
    maxDepthPlugin({
      n: limits.depth,
      flattenFragments: true,
      ...armor,
      onReject: [rejectAs('DEPTH_LIMIT_EXCEEDED')],
    }),
    maxAliasesPlugin({ n: limits.aliases, ...armor, onReject: [rejectAs('ALIAS_LIMIT_EXCEEDED')] }),
    costLimitPlugin,
    ...(production ? [useDisableIntrospection()] : []),
  ];
}
