import type { Logger } from './logger.ts';

/** A part of a service with an explicit life: started once, stopped once. */
export interface Lifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs a service until SIGTERM or SIGINT, then stops it (finishing the batch in hand) and exits.
 * A failed start exits 1 so a supervisor sees it.
 */
export function runUntilSignalled(name: string, service: Lifecycle, log: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${name} stopping`);
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, `${name} did not stop cleanly`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
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
