// The run's progress lines and failures: one benchmark run per process, so module state.
export const started = Date.now();

export const say = (message: string): void => {
  process.stdout.write(
    `[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}\n`,
  );
};

/** What went wrong in the run; any entry makes the run exit 1. */
export const failures: string[] = [];

export const fail = (message: string): void => {
  failures.push(message);
  say(`FAILED: ${message}`);
};

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
