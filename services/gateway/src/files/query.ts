import { execute, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import type { GatewayContext } from '../builder.ts';
import { schema } from '../schema/index.ts';
import { FileRouteError, badRequest } from './http.ts';

const parsed = new Map<string, DocumentNode>();

/** A document of this module, parsed and checked against the schema once. */
function documentOf(source: string): DocumentNode {
  const known = parsed.get(source);
  if (known !== undefined) return known;
  const document = parse(source);
  const problems = validate(schema, document);
  if (problems.length > 0) throw new Error(`invalid file-route query: ${problems[0]?.message}`);
  parsed.set(source, document);
  return document;
}

/** The HTTP refusal a GraphQL error stands for: its code decides the status. */
function refusalOf(error: GraphQLError): FileRouteError {
  const code = typeof error.extensions.code === 'string' ? error.extensions.code : '';
  const [english, vietnamese] = splitBilingual(error.message);
  switch (code) {
    case 'UNAUTHENTICATED':
      return new FileRouteError(401, code, english, vietnamese);
    case 'FORBIDDEN':
      return new FileRouteError(403, code, english, vietnamese);
    case 'BAD_USER_INPUT':
      return badRequest(english, vietnamese, code);
    default:
      // A variable that does not coerce (a malformed DateTime) carries no code: the caller's fault.
      if (error.path === undefined) return badRequest(english, vietnamese);
      throw error;
  }
}

/** The gateway's messages read `english (tiếng Việt)`; each half goes to its own field. */
function splitBilingual(message: string): [string, string] {
  const match = /^(.*) \(([^()]*)\)$/s.exec(message);
  return match === null ? [message, message] : [match[1] ?? message, match[2] ?? message];
}

/**
 * Runs a query of the gateway's own schema in this process, with the caller's context, so that a
 * file holds exactly what the API answers and is refused exactly when the API refuses.
 */
export async function runQuery<Data>(
  context: GatewayContext,
  source: string,
  variables: Record<string, unknown>,
): Promise<Data> {
  const result = await execute({
    schema,
    document: documentOf(source),
    variableValues: variables,
    contextValue: context,
  });
  const first = result.errors?.[0];
  if (first !== undefined) throw refusalOf(first);
  return result.data as Data;
}
