import type { GatewayContext } from '../builder.ts';
import { executeCommand, type Command } from '../commands/command.ts';
import { requireViewer } from '../auth/require-viewer.ts';
import { actorOf } from '../auth/viewer.ts';
import { refusalError } from './errors.ts';

/** The payload of an accepted mutation. */
export interface Accepted<Value> {
  accepted: Value;
}

/**
 * Runs a command for a mutation: its success payload, or its refusal thrown for the errors plugin
 * to turn into the matching member of the mutation's result union.
 */
export async function runMutation<Value>(
  context: GatewayContext,
  command: (actor: string) => Command<Value>,
): Promise<Accepted<Value>> {
  // Who acts comes from the signed token only, never from the arguments.
  const actor = actorOf(requireViewer(context));
  const result = await executeCommand(context.db, context.relay, command(actor), context.clock());
  if (!result.ok) throw refusalError(result.refusal);
  return { accepted: result.value };
}
