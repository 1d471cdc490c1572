import { useDisableIntrospection } from '@envelop/disable-introspection';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';

/**
 * The bounds every request must stay within. thidua's own types nest at most 5 levels (unit →
 * history → edges → node → field), and a whole ranking with every field costs about 36 by
 * graphql-armor's measure (objects 2 plus 1.5 × their children, scalars 1). Pages of connections
 * are bounded by the builder (at most 100 items).
 */
export const limits = {
  bodyBytes: 100 * 1024,
  depth: 8,
  aliases: 15,
  tokens: 2000,
  cost: 5000,
} as const;

/** The validation plugins that enforce `limits`; production also hides the schema. */
export function limitPlugins(production: boolean) {
  return [
    maxTokensPlugin({ n: limits.tokens }),
    maxDepthPlugin({ n: limits.depth, flattenFragments: true }),
    maxAliasesPlugin({ n: limits.aliases }),
    costLimitPlugin({ maxCost: limits.cost }),
    ...(production ? [blockFieldSuggestionsPlugin(), useDisableIntrospection()] : []),
  ];
}
