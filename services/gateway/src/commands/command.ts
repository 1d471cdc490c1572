import { appendToOutbox, outboxMessageOf, type OutboxRelay } from '@thidua/kit';
import { vietnameseIssue, type Actor, type AnyEvent, type SubmissionProblem } from '@thidua/schema';
import type { Kysely, Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { GatewayDatabase } from '../database.ts';
import { persistEvents } from './persist-events.ts';

/** Why a command was refused; the API turns each kind into its own error type. */
export type Refusal =
  | { kind: 'VALIDATION'; problems: SubmissionProblem[] }
  | { kind: 'NOT_FOUND'; message: string; messageVi: string }
  | { kind: 'CONFLICT'; message: string; messageVi: string }
  | { kind: 'FORBIDDEN'; message: string; messageVi: string };

export type CommandResult<Value> =
  { ok: true; value: Value; events: AnyEvent[] } | { ok: false; refusal: Refusal };

/**
 * What deciding a command may use besides the command and its state: where new ids come from and
 * the time. executeCommand gives random uuids and the request's time; unit tests give fixed ones.
 */
export interface DecisionContext {
  newId: () => string;
  now: Date;
}

/** What a command may use: the open transaction, new ids and the time it is executed at. */
export interface CommandContext extends DecisionContext {
  trx: Transaction<GatewayDatabase>;
}

export type Command<Value> = (context: CommandContext) => Promise<CommandResult<Value>>;

/** A command's pure core: from the command and its loaded state, its events or a refusal. */
export type Decide<Input, State, Value> = (
  command: Input,
  state: State,
  context: DecisionContext,
) => CommandResult<Value>;

/**
 * A command in three steps: `load` reads the state it needs in the transaction, `decide` accepts
 * or refuses without any I/O, and the accepted events are written to the gateway's own tables
 * (persistEvents), so what a command changes is exactly what its events say.
 */
export const commandOf =
  <Input, State, Value>(
    load: (trx: Transaction<GatewayDatabase>, command: Input) => Promise<State>,
    decide: Decide<Input, State, Value>,
  ) =>
  (command: Input): Command<Value> =>
  async (context) => {
    const result = decide(command, await load(context.trx, command), context);
    if (result.ok) await persistEvents(context.trx, result.events);
    return result;
  };

/** The envelope fields every event the gateway appends shares: a new id, the time, the cluster. */
export const eventHeader = (context: DecisionContext, clusterCode: string) => ({
  id: context.newId(),
  occurredAt: context.now.toISOString(),
  source: 'gateway',
  clusterCode,
  causationId: null,
});

/** An accepted command: its value, and its events, each recording who acted. */
export const accept = <Value>(
  value: Value,
  events: AnyEvent[],
  actor: Actor,
): CommandResult<Value> => ({
  ok: true,
  value,
  events: events.map((event) => ({ ...event, actor })),
});

export const refuse = (refusal: Refusal): CommandResult<never> => ({ ok: false, refusal });

export const invalid = (problems: SubmissionProblem[]): CommandResult<never> =>
  refuse({ kind: 'VALIDATION', problems });

export const forbidden = (message: string, messageVi: string): CommandResult<never> =>
  refuse({ kind: 'FORBIDDEN', message, messageVi });

export const problem = (path: string, message: string, messageVi: string): SubmissionProblem => ({
  path,
  message,
  messageVi,
});

/** Every issue zod found, with its path under `prefix`, in English and Vietnamese. */
export function zodProblems(error: z.ZodError, prefix = ''): SubmissionProblem[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return problem(path, issue.message, vietnameseIssue(issue));
  });
}

class Refused extends Error {
  constructor(readonly result: CommandResult<never>) {
    super('command refused');
  }
}

/**
 * Runs a command in one transaction: an accepted command's state changes and its events (in the
 * outbox) commit together; a refused one is rolled back, so it leaves no trace and no event.
 */
export async function executeCommand<Value>(
  db: Kysely<GatewayDatabase>,
  relay: Pick<OutboxRelay, 'wake'> | null,
  command: Command<Value>,
  now: Date,
): Promise<CommandResult<Value>> {
  try {
    const result = await db.transaction().execute(async (trx) => {
      const outcome = await command({ trx, now, newId: randomUUID });
      if (!outcome.ok) throw new Refused(outcome);
      await appendToOutbox<GatewayDatabase>(trx, outcome.events.map(outboxMessageOf));
      return outcome;
    });
    relay?.wake();
    return result;
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
