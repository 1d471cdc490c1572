import type { GatewayContext } from '../builder.ts';
import { executeCommand, type Command } from '../commands/command.ts';
import { requireViewer } from '../auth/require-viewer.ts';
import { actorOf } from '../auth/viewer.ts';
import type { Actor } from '@thidua/schema';
import { unstorableText, type SubmissionProblem } from '@thidua/schema';
import { InvalidInput, refusalError } from './errors.ts';

/** The payload of an accepted mutation. */
export interface Accepted<Value> {
  accepted: Value;
}

/**
 * Every string of a mutation's arguments that PostgreSQL cannot store in text or jsonb (the NUL
 * character, a lone surrogate), by its path (`indicators.0.value`). Names and reasons are checked
 * further by the commands (humanName, humanReason).
 */
export function unstorableProblems(value: unknown, path = ''): SubmissionProblem[] {
  if (typeof value === 'string') {
    const unstorable = unstorableText(value);
    return unstorable === null ? [] : [{ path, ...unstorable }];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    unstorableProblems(item, path === '' ? key : `${path}.${key}`),
  );
}

/**
 * Runs a command for a mutation: its success payload, or its refusal thrown for the errors plugin
 * to turn into the matching member of the mutation's result union.
 */
export async function runMutation<Value>(
  context: GatewayContext,
  args: object,
  command: (actor: Actor) => Command<Value>,
): Promise<Accepted<Value>> {
  // Who acts comes from the signed token only, never from the arguments.
  const actor = actorOf(requireViewer(context));
  const unstorable = unstorableProblems(args);
  if (unstorable.length > 0) throw new InvalidInput(unstorable);
  const result = await executeCommand(context.db, context.relay, command(actor), context.clock());
  if (!result.ok) throw refusalError(result.refusal);
  return { accepted: result.value };
}
