import {
  makeEvent,
  type Actor,
  type AnyEvent,
  type EventOf,
  type EventType,
  type SubmissionProblem,
} from '@thidua/schema';
import { expect } from 'vitest';
import { centralBoard, unitStaff } from '../../src/auth/viewer.ts';
import type {
  CommandResult,
  Decide,
  DecisionContext,
  Refusal,
} from '../../src/commands/command.ts';

/** The time every decision in these tests is made at. */
export const now = new Date('2024-07-01T03:00:00.000Z');

/** The n-th id a decision asks for: fixed, so that events can be compared whole. */
export const nthId = (n: number): string =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const fixedContext = (): DecisionContext => {
  let issued = 0;
  return { now, newId: () => nthId((issued += 1)) };
};

/** Who acts: the board; lead, deputy and a plain member of cluster north; a unit of another one. */
export const board = centralBoard('board@thidua.gov.vn');
export const lead = unitStaff('alpha');
export const deputy = unitStaff('beta');
export const member = unitStaff('gamma');
export const outsider = unitStaff('omega');

/** An event as the gateway appends it: fixed id and time, from the gateway, recording who acted. */
export const appended = <Type extends EventType>(
  type: Type,
  clusterCode: string,
  data: EventOf<Type>['data'],
  actor: Actor,
  id = nthId(1),
): AnyEvent =>
  ({
    ...makeEvent(type, {
      id,
      occurredAt: now.toISOString(),
      source: 'gateway',
      clusterCode,
      causationId: null,
      data,
    }),
    actor,
  }) as AnyEvent;

/**
 * given / when / then for a command's pure decision: `given` the state its load step returned,
 * `when` the command, `then` its events or its refusal.
 */
export const spec = <Input, State, Value>(decide: Decide<Input, State, Value>) => ({
  given: (state: State) => ({
    when: (command: Input) => outcome(decide(command, state, fixedContext())),
  }),
});

function outcome<Value>(result: CommandResult<Value>) {
  const refusal = (): Refusal => {
    if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.events)}`);
    return result.refusal;
  };
  return {
    result,
    /** Accepted, with exactly these events; returns the accepted value. */
    thenEvents(events: readonly AnyEvent[]) {
      if (!result.ok) throw new Error(`expected events, got ${JSON.stringify(result.refusal)}`);
      expect(result.events).toEqual(events);
      return result.value;
    },
    /** Refused as `kind` with this English message; a Vietnamese one is there too. */
    thenRefused(kind: Exclude<Refusal['kind'], 'VALIDATION'>, message: string) {
      const refused = refusal();
      expect(refused).toEqual({ kind, message, messageVi: expect.any(String) as string });
      if (refused.kind !== 'VALIDATION') expect(refused.messageVi).not.toBe('');
    },
    /** Refused as invalid with exactly these problems (path and English message), each bilingual. */
    thenInvalid(problems: readonly Omit<SubmissionProblem, 'messageVi'>[]) {
      const refused = refusal();
      expect(refused.kind).toBe('VALIDATION');
      if (refused.kind !== 'VALIDATION') return;
      expect(refused.problems.map(({ path, message }) => ({ path, message }))).toEqual(problems);
      for (const found of refused.problems) expect(found.messageVi).not.toBe('');
    },
  };
}
