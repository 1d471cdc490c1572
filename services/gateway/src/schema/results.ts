import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
import { executeCommand, type Command, type Refusal } from '../commands/command.ts';
import type { GatewayContext, GatewayTypes } from '../builder.ts';
import { refusalTypes } from './errors.ts';
import { requireViewer } from '../auth/require-viewer.ts';
import { actorOf } from '../auth/viewer.ts';

/** The payload of an accepted mutation. */
export interface Accepted<Value> {
  accepted: Value;
}

const refusalTypeName: Record<Refusal['kind'], string> = {
  VALIDATION: 'ValidationError',
  NOT_FOUND: 'NotFoundError',
  CONFLICT: 'ConflictError',
  FORBIDDEN: 'ForbiddenError',
};

/** A mutation's result: its success payload or one of the typed errors. */
export function resultUnion<Value>(
  name: string,
  success: ObjectRef<GatewayTypes, Accepted<Value>>,
) {
  return builder.unionType(`${name}Result`, {
    types: [success, ...refusalTypes],
    resolveType: (value) => ('accepted' in value ? success.name : refusalTypeName[value.kind]),
  });
}

/** Runs a command for a mutation and shapes its outcome for the result union. */
export async function runMutation<Value>(
  context: GatewayContext,
  command: (actor: string) => Command<Value>,
): Promise<Accepted<Value> | Refusal> {
  // Who acts comes from the signed token only, never from the arguments.
  const actor = actorOf(requireViewer(context));
  const result = await executeCommand(context.db, context.relay, command(actor), context.clock());
  return result.ok ? { accepted: result.value } : result.refusal;
}
