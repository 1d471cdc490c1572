import type { SubmissionProblem } from '@thidua/schema';
import { builder } from '../builder.ts';
import type { Refusal } from '../commands/command.ts';

/** What every expected failure has: a message in English and in Vietnamese. */
export const ErrorInterface = builder.interfaceRef<Refusal>('Error').implement({
  fields: (t) => ({
    message: t.string({
      resolve: (refusal) =>
        refusal.kind === 'VALIDATION' ? 'the input is invalid' : refusal.message,
    }),
    messageVi: t.string({
      resolve: (refusal) =>
        refusal.kind === 'VALIDATION' ? 'Dữ liệu không hợp lệ' : refusal.messageVi,
    }),
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

export const ValidationError = builder
  .objectRef<Extract<Refusal, { kind: 'VALIDATION' }>>('ValidationError')
  .implement({
    interfaces: [ErrorInterface],
    isTypeOf: (value) => (value as Refusal).kind === 'VALIDATION',
    fields: (t) => ({
      fields: t.field({ type: [FieldProblem], resolve: (refusal) => refusal.problems }),
    }),
  });

export const NotFoundError = builder
  .objectRef<Extract<Refusal, { kind: 'NOT_FOUND' }>>('NotFoundError')
  .implement({
    interfaces: [ErrorInterface],
    isTypeOf: (value) => (value as Refusal).kind === 'NOT_FOUND',
  });

export const ConflictError = builder
  .objectRef<Extract<Refusal, { kind: 'CONFLICT' }>>('ConflictError')
  .implement({
    interfaces: [ErrorInterface],
    isTypeOf: (value) => (value as Refusal).kind === 'CONFLICT',
  });

export const ForbiddenError = builder
  .objectRef<Extract<Refusal, { kind: 'FORBIDDEN' }>>('ForbiddenError')
  .implement({
    description: 'The signed-in unit or board may not do this',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => (value as Refusal).kind === 'FORBIDDEN',
  });

export const refusalTypes = [
  ValidationError,
  NotFoundError,
  ConflictError,
  ForbiddenError,
] as const;
