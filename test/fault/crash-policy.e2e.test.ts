import { beforeAll, describe, expect, test } from 'vitest';
import { testSettings } from '../support/system.ts';
import { expectCleanOutcome, summarize } from './support/clean-outcome.ts';
import { runWorkload, type FaultRunResult } from './support/fault-run.ts';
import { consumingServices } from './support/process-system.ts';

// A handler that throws (a bug, or data it cannot take) must not leave a live process with a dead
// consumer: the batch is not retried forever, the consumer crashes without restarting, /healthz
// fails and the process stops cleanly and exits 1; its supervisor (here the test) starts it again,
// and the restarted process redoes the batch. The outcome equals a clean run's.

let reference: FaultRunResult;

beforeAll(async () => {
  reference = await runWorkload({ settings: testSettings() });
  console.log(summarize('clean run', 0, reference));
}, 150_000);

describe('a consuming service whose handler throws', () => {
  test('exits 1 after a clean stop, and once restarted loses and duplicates nothing', async () => {
    const result = await runWorkload({
      settings: testSettings(),
      failpoints: Object.fromEntries(
        consumingServices.map((name) => [name, 'consumer.in-handler:5:throw']),
      ),
      restartDead: true,
    });
    const died = result.deaths.filter((death) => !death.label.includes('restart failed'));
    expect(died.map((death) => death.label).sort()).toEqual([...consumingServices].sort());
    for (const death of died) {
      // Not killed: it stopped by itself, after logging why, with a code its supervisor sees.
      expect(death.exit, death.label).toEqual({ code: 1, signal: null });
      expect(death.tail, death.label).toContain('failpoint consumer.in-handler reached');
      expect(death.tail, death.label).toContain('failed and must be restarted');
    }
    expect(result.restarts).toBe(consumingServices.length);
    expectCleanOutcome('handler threw, process exited 1', result.restarts, result, reference);
  }, 200_000);
});
