import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import { vietnameseIssue } from '@thidua/schema';
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { z } from 'zod';

/**
 * A malformed argument, as the validation plugin reports it: the argument's name and what is
 * wrong, e.g. `period: must look like 2023-H1 or 2023-FY`, with the code BAD_USER_INPUT, then the
 * same in Vietnamese in brackets.
 */
export function invalidArgumentError(failure: StandardSchemaV1.FailureResult): GraphQLError {
  const named = failure.issues.map((issue) => {
    const path = (issue.path ?? [])
      .map((part) => String(typeof part === 'object' ? part.key : part))
      .join('.');
    // The arguments are checked by zod, whose issues carry the code that names them in Vietnamese.
    const messageVi = isZodIssue(issue) ? vietnameseIssue(issue) : issue.message;
    const prefix = path === '' ? '' : `${path}: `;
    return { message: prefix + issue.message, messageVi: prefix + messageVi };
  });
  return new GraphQLError(
    `${named.map((n) => n.message).join('; ')} (Giá trị không hợp lệ: ${named.map((n) => n.messageVi).join('; ')})`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

const isZodIssue = (issue: StandardSchemaV1.Issue): issue is z.core.$ZodIssue =>
  'code' in issue && typeof issue.code === 'string';

/** graphql-js's "Did you mean …?" hints name fields, arguments, types and enum values. */
const suggestion = / ?Did you mean [^?]*\?/g;

/**
 * Every error of a response carries `extensions.code`; in production, no error suggests names of
 * the schema (introspection is off there, and hints would reveal it piece by piece).
 *
 * Validation and parse errors get their codes from yoga and from `limits.ts`, resolver refusals
 * where they are thrown; an error of the request as a whole (a variable of the wrong type, a
 * missing operation) has no path, and is the caller's mistake: BAD_USER_INPUT.
 */
export function errorCodesPlugin(production: boolean): Plugin {
  const recode = (error: GraphQLError): GraphQLError => {
    const message = production ? error.message.replace(suggestion, '') : error.message;
    const code = error.extensions.code ?? (error.path === undefined ? 'BAD_USER_INPUT' : undefined);
    if (message === error.message && code === error.extensions.code) return error;
    return new GraphQLError(message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: error.originalError,
      extensions: { ...error.extensions, code },
    });
  };
  return {
    onExecutionResult(payload) {
      const { result } = payload;
      if (result === undefined || isAsyncIterable(result) || result.errors === undefined) return;
      payload.setResult({ ...result, errors: result.errors.map(recode) });
    },
  };
}
