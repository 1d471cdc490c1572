import { appendToOutbox, outboxMessageOf, type OutboxRelay } from '@thidua/kit';
import type { Actor, AnyEvent, SubmissionProblem } from '@thidua/schema';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { GatewayDatabase } from '../database.ts';

/** Why a command was refused; the API turns each kind into its own error type. */
export type Refusal =
  | { kind: 'VALIDATION'; problems: SubmissionProblem[] }
  | { kind: 'NOT_FOUND'; message: string; messageVi: string }
  | { kind: 'CONFLICT'; message: string; messageVi: string }
  | { kind: 'FORBIDDEN'; message: string; messageVi: string };

export type CommandResult<Value> =
  { ok: true; value: Value; events: AnyEvent[] } | { ok: false; refusal: Refusal };

/** What a command may use: the open transaction and the time it is executed at. */
export interface CommandContext {
  trx: Transaction<GatewayDatabase>;
  now: Date;
}

export type Command<Value> = (context: CommandContext) => Promise<CommandResult<Value>>;

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

/**
 * Every issue zod found, with its path under `prefix`; in Vietnamese as the issue gives it
 * (`params.messageVi`, as humanName and humanReason do), or else with the English quoted.
 */
export function zodProblems(error: z.ZodError, prefix = ''): SubmissionProblem[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    const params: unknown = 'params' in issue ? issue.params : undefined;
    const messageVi =
      typeof params === 'object' && params !== null && 'messageVi' in params
        ? String(params.messageVi)
        : `Giá trị không hợp lệ: ${issue.message}`;
    return problem(path, issue.message, messageVi);
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
      const outcome = await command({ trx, now });
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
