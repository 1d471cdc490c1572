import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { z } from 'zod';
import { refusalOf, scopesOf, type GatewayAuthScopes } from './auth/scopes.ts';
import type { GatewayContext } from './context.ts';
import { invalidArgumentError } from './error-codes.ts';

export type { GatewayContext } from './context.ts';

export interface GatewaySchemaTypes {
  Context: GatewayContext;
  AuthScopes: GatewayAuthScopes;
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}

export type GatewayTypes = PothosSchemaTypes.ExtendDefaultTypes<GatewaySchemaTypes>;

const pageSize = z.number().int().min(0).max(100, 'a page holds at most 100 items');

/** The one schema builder; plugins and scalars are declared here once. */
export const builder = new SchemaBuilder<GatewaySchemaTypes>({
  // Scope checks run before any other plugin wraps a resolver.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    // Scope parameters are small objects built from arguments; key the cache by their content.
    cacheKey: (value) => JSON.stringify(value),
    authScopes: scopesOf,
    unauthorizedError: (_parent, context, info) => refusalOf(context, info),
  },
  // A mutation answers with its payload or a refusal: `SubmitResultsResult = SubmissionAccepted |
  // ValidationError | …`. The refusal classes are registered in schema/errors.ts.
  errors: {
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  // thidua's objects are addressed by their codes, not by global ids.
  // A page holds at most 100 items; asking for more is an error, not a silent cut.
  relay: {
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    firstArgOptions: { validate: pageSize },
    lastArgOptions: { validate: pageSize },
  },
  // A malformed argument is named plainly, with the code BAD_USER_INPUT.
  validation: { validationError: invalidArgumentError },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'items in the whole list, over all pages', resolve: (c) => c.totalCount }),
);

// No operation but the health endpoints works without a token.
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { signedIn: true } });
builder.subscriptionType({ authScopes: { signedIn: true } });
