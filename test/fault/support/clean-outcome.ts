import { expect } from 'vitest';
import type { FaultRunResult } from './fault-run.ts';
import { compareTallies } from './delivery-tally.ts';

/** One line per case, so a run of the suite shows what was injected and what came out. */
export function summarize(label: string, faults: number, result: FaultRunResult): string {
  return (
    `[fault] ${label}: ${faults} faults injected, ${result.events} events processed, ` +
    `${result.republished} republished, ${result.seconds.toFixed(1)} s`
  );
}

/**
 * A faulted run must end exactly where the clean run of the same workload ended: the same dump of
 * every read model, and no count lower (lost) or higher (duplicated) than the clean run's.
 */
export function expectCleanOutcome(
  label: string,
  faults: number,
  result: FaultRunResult,
  reference: FaultRunResult,
): void {
  const { lost, duplicated } = compareTallies(reference.tally, result.tally);
  console.log(`${summarize(label, faults, result)}, lost=${lost}, duplicated=${duplicated}`);
  expect(faults).toBeGreaterThan(0);
  expect(result.tally).toEqual(reference.tally);
  expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  expect(result.dump).toEqual(reference.dump);
}
