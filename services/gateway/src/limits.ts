import { useDisableIntrospection } from '@envelop/disable-introspection';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  validate,
  type ExecutionArgs,
  type ValidationContext,
} from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';

/**
 * The bounds every request must stay within. thidua's own types nest at most 5 levels (unit →
 * history → edges → node → field).
 *
 * Cost (graphql-query-complexity, each field priced by `priceField`): every field costs 1 for each
 * item it is resolved for. A connection's selection counts once per item of its page, its `first`
 * or `last` (a variable at the largest page, 100; neither at the default page, 20): the library
 * gives a field only the sum of its selection, so a page's `totalCount` and `pageInfo` count per
 * item too. A plain list of objects counts 50 items, the largest cluster of the national preset (a
 * cluster's members, a ranking's entries, a scorecard's criteria); a union costs as its dearest
 * type. At their largest pages the persisted operations cost at most 1,001 (Clusters; Unit with
 * 100 history items 855, Scorecard 565, Ranking 454, mutations 154); a page of 100 clusters with
 * every member and period costs 30,601. The limit of 50,000 lets such a page through and refuses
 * two of them in one query (61,202), 15 aliased ones (459,015) or 100 history items of 1,000 fields
 * (100,202). The library stops counting after 10,000 selections, a fragment counted each time it is
 * spread, and that is refused too.
 */
export const limits = {
  bodyBytes: 100 * 1024,
  depth: 8,
  aliases: 15,
  tokens: 2000,
  cost: 50_000,
  selections: 10_000,
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

/**
 * What a field costs (graphql-query-complexity sums it over the query): 1, plus its selection once
 * per item it is resolved for. A connection's selection counts once per item of its page (its
 * `first` or `last`; a variable at the largest page, so that an operation's price does not depend
 * on its variables; neither at the default page), and its `edges` are that page; a plain list of
 * objects counts its selection `plainList` times. Introspection is free: the depth limit bounds it.
 */
const priceField: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  if (field.args.some((argument) => argument.name === 'first' || argument.name === 'last')) {
    const byVariable = (node.arguments ?? []).some(
      (argument) =>
        (argument.name.value === 'first' || argument.name.value === 'last') &&
        argument.value.kind === Kind.VARIABLE,
    );
    const sizes = [args.first, args.last].filter(
      (size: unknown): size is number => typeof size === 'number',
    );
    const page = byVariable
      ? limits.maxPage
      : sizes.length === 0
        ? limits.defaultPage
        : Math.min(Math.max(...sizes, 0), limits.maxPage);
    return 1 + page * childComplexity;
  }
  // A connection's `edges` are its page, already counted by the connection field.
  if (isListType(getNullableType(field.type)) && field.name !== 'edges') {
    return 1 + limits.plainList * childComplexity;
  }
  return 1 + childComplexity;
};

const costRefusal = (figures: string) =>
  new GraphQLError(
    `the query costs too much (${figures}): ask for smaller pages or fewer fields ` +
      `(Truy vấn quá tốn kém (${figures}): hãy lấy trang nhỏ hơn hoặc ít trường hơn)`,
    { extensions: { code: 'COST_LIMIT_EXCEEDED' } },
  );

/**
 * The refusal of an operation over the cost limit, or null. graphql-query-complexity stops
 * counting, by throwing, after `selections` selections (a fragment counts each time it is spread).
 */
function costRefusalOf(args: ExecutionArgs): GraphQLError | null {
  const rule = createComplexityRule({
    maximumComplexity: limits.cost,
    maxQueryNodes: limits.selections,
    estimators: [priceField],
    variables: args.variableValues ?? {},
    operationName: args.operationName ?? undefined,
    createError: (max, actual) => costRefusal(`${String(actual)} > ${String(max)}`),
  });
  try {
    const errors = validate(args.schema, args.document, [rule]);
    // A variable the rule could not read is left to execution, which refuses it by name.
    return errors.find((error) => error.extensions.code === 'COST_LIMIT_EXCEEDED') ?? null;
  } catch (thrown) {
    if (!(thrown instanceof GraphQLError && /number of nodes/.test(thrown.message))) throw thrown;
    return costRefusal(`> ${String(limits.selections)}`);
  }
}

/**
 * The cost limit is checked before each execution rather than as a validation rule: a price
 * depends on the request's variables (`@include(if: $all)`), and yoga caches a document's
 * validation whatever its variables.
 */
const costLimitPlugin: Plugin = {
  onExecute: ({ args, setResultAndStopExecution }) => {
    const refusal = costRefusalOf(args);
    if (refusal !== null) setResultAndStopExecution({ errors: [refusal] });
  },
  onSubscribe: ({ args, setResultAndStopExecution }) => {
    const refusal = costRefusalOf(args);
    if (refusal !== null) setResultAndStopExecution({ errors: [refusal] });
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
