import type { SubmissionProblem } from '@thidua/schema';
import { builder } from '../builder.ts';
import type { Refusal } from '../commands/command.ts';

/**
 * A refused command as the errors plugin sees it: commands return refusals as values, and the
 * mutation resolver throws one of these so the plugin can answer with the matching union member.
 */
export class RefusalError extends Error {
  constructor(
    message: string,
    readonly messageVi: string,
  ) {
    super(message);
  }
}

export class InvalidInput extends RefusalError {
  constructor(readonly problems: SubmissionProblem[]) {
    super('the input is invalid', 'Dữ liệu không hợp lệ');
  }
}
export class NotFound extends RefusalError {}
export class Conflict extends RefusalError {}
export class Forbidden extends RefusalError {}

/** The error a refusal becomes. */
export function refusalError(refusal: Refusal): RefusalError {
  switch (refusal.kind) {
    case 'VALIDATION':
      return new InvalidInput(refusal.problems);
    case 'NOT_FOUND':
      return new NotFound(refusal.message, refusal.messageVi);
    case 'CONFLICT':
      return new Conflict(refusal.message, refusal.messageVi);
    case 'FORBIDDEN':
      return new Forbidden(refusal.message, refusal.messageVi);
  }
}

/** What every expected failure has: a message in English and in Vietnamese. */
export const ErrorInterface = builder.interfaceRef<RefusalError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    messageVi: t.exposeString('messageVi'),
  }),
});

const FieldProblem = builder.objectRef<SubmissionProblem>('FieldProblem').implement({
  description: 'One offending field: where it is and what is wrong with it',
  fields: (t) => ({
    path: t.exposeString('path'),
    message: t.exposeString('message'),
    messageVi: t.exposeString('messageVi'),
  }),
});

builder.objectType(InvalidInput, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.field({ type: [FieldProblem], resolve: (error) => error.problems }),
  }),
});

builder.objectType(NotFound, { name: 'NotFoundError', interfaces: [ErrorInterface] });
builder.objectType(Conflict, { name: 'ConflictError', interfaces: [ErrorInterface] });
builder.objectType(Forbidden, {
  name: 'ForbiddenError',
  description: 'The signed-in unit or board may not do this',
  interfaces: [ErrorInterface],
});

/** The refusals every mutation may answer with, beside its success payload. */
export const refusalTypes = [InvalidInput, NotFound, Conflict, Forbidden];
