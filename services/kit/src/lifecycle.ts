import type { Logger } from './logger.ts';

/** A part of a service with an explicit life: started once, stopped once. */
export interface Lifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Calls `listener` when the service fails in a way only a restart can mend. */
  onFailure?(listener: (error: Error) => void): void;
}

/**
 * How long a service may take to stop before the process exits anyway, with 1: a send or a leave
 * of the group stuck on an unreachable broker never finishes.
 */
const stopLimitMs = 20_000;

/**
 * Runs a service until SIGTERM or SIGINT, then stops it (finishing the batch in hand) and exits 0.
 * A failed start exits 1 so a supervisor sees it; so does a service that failed while running
 * (a consumer crash kafkajs will not restart, a stalled relay), once it has stopped cleanly, and
 * a service that did not stop within 20 s.
 */
export function runUntilSignalled(name: string, service: Lifecycle, log: Logger): void {
  let stopping = false;
  const stop = (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, `${name} stopping`);
    setTimeout(() => {
      log.error(`${name} did not stop within ${stopLimitMs / 1000} s`);
      process.exit(1);
    }, stopLimitMs).unref();
    service.stop().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        log.error({ err: error }, `${name} did not stop cleanly`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  service.onFailure?.((error) => stop(`failed: ${error.message}`, 1));
  service.start().then(
    () => log.info(`${name} started`),
    (error: unknown) => {
      log.fatal({ err: error }, `${name} failed to start`);
      process.exit(1);
    },
  );
}

/** Retries `attempt` with growing pauses until it succeeds, e.g. while PostgreSQL is still down. */
export async function waitUntil<T>(
  what: string,
  attempt: () => Promise<T>,
  log: Logger,
  { tries = 60, firstDelayMs = 250, maxDelayMs = 5000 } = {},
): Promise<T> {
  let delay = firstDelayMs;
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries) throw error;
      log.warn({ err: error, attempt: i }, `${what} not available yet; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
