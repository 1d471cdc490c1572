/**
 * Infrastructure failures: they carry whether trying again can help, and where they happened.
 * Domain rejections are never thrown; they are values returned by the handlers.
 */
export class ThiduaInfraError extends Error {
  override readonly name: string = 'ThiduaInfraError';
  readonly retriable: boolean;
  constructor(message: string, options: { retriable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.retriable = options.retriable;
  }
}

/** A message's position, for errors and dead letters. */
export interface Origin {
  topic: string;
  partition: number;
  offset: string;
}

/** Bugs (TypeError, RangeError…) are never retried; connection trouble is. */
export function isRetriable(error: unknown): boolean {
  if (error instanceof ThiduaInfraError) return error.retriable;
  if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) {
    return false;
  }
  return true;
}
