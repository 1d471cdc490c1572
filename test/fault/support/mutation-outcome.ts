import { expect } from 'vitest';

/** How the gateway answered one generated input. */
export type Outcome =
  | { kind: 'body too large' }
  | { kind: 'variables refused' }
  | { kind: 'refused'; typename: string }
  | { kind: 'accepted'; typename: string };

/** The refusals every mutation's result union holds beside its success payload. */
export const refusalTypenames = [
  'ValidationError',
  'NotFoundError',
  'ConflictError',
  'ForbiddenError',
];

/**
 * What must never reach a client: a masked or unmasked unexpected error, a stack frame, a source
 * path, or text from PostgreSQL, Kysely or kafkajs.
 */
const leak =
  /Unexpected error|\n\s+at |node_modules|\.ts:\d+:\d+|"stack"|originalError|invalid byte sequence|invalid input syntax|violates [a-z ]*constraint|duplicate key value|relation "|unsupported Unicode escape|KafkaJS|Kysely/i;

/** graphql-js's words when a variable does not coerce to its declared type. */
const variableProblem = /^Variable "\$\w+" /;

interface Body {
  data?: Record<string, { __typename?: string } | null> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Checks one answer against the properties of the API under bad input and says which kind it was:
 * never a 5xx, never a leak; either the variables were refused by GraphQL (and nothing ran) or the
 * mutation answered with a member of its result union.
 */
export function classify(mutation: string, success: string, status: number, text: string): Outcome {
  expect(status, text.slice(0, 500)).toBeLessThan(500);
  expect(text).not.toMatch(leak);
  if (status === 413) return { kind: 'body too large' };
  const body = JSON.parse(text) as Body;
  if (body.errors !== undefined) {
    expect(body.data ?? null, text.slice(0, 500)).toBeNull();
    for (const error of body.errors) expect(error.message).toMatch(variableProblem);
    return { kind: 'variables refused' };
  }
  const typename = body.data?.[mutation]?.__typename ?? '';
  if (typename === success) return { kind: 'accepted', typename };
  expect(refusalTypenames, text.slice(0, 500)).toContain(typename);
  return { kind: 'refused', typename };
}
