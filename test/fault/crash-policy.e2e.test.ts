import { ensureDatabase } from '@thidua/kit';
import pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { testSettings } from '../support/database.ts';
import { expectCleanOutcome, summarize } from './support/clean-outcome.ts';
import { runWorkload, type FaultRunResult } from './support/fault-run.ts';
import { startPrivateBroker } from './support/private-broker.ts';
import { consumingServices } from './support/process-system.ts';
import { spawnService, stopService, type Exit } from './support/service-process.ts';

// A handler that throws (a bug, or data it cannot take) must not leave a live process with a dead
// consumer: the batch is not retried forever, the consumer crashes without restarting, /healthz
// fails and the process stops cleanly and exits 1; its supervisor (here the test) starts it again,
// and the restarted process redoes the batch. The outcome equals a clean run's.

describe('a consuming service whose handler throws', () => {
  let reference: FaultRunResult;

  beforeAll(async () => {
    reference = await runWorkload({ settings: testSettings() });
    console.log(summarize('clean run', 0, reference));
  }, 150_000);

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

describe('a service whose outbox relay cannot publish', () => {
  test('fails and exits 1 once OUTBOX_RELAY_MAX_STALL_MS has passed', async () => {
    const broker = await startPrivateBroker();
    const settings = testSettings();
    await ensureDatabase(settings.DATABASE_URL);
    const scoring = await spawnService('scoring', 'scoring', {
      DATABASE_URL: settings.DATABASE_URL,
      KAFKA_BROKERS: broker.bootstrap,
      TOPIC_NAMESPACE: settings.TOPIC_NAMESPACE,
      LOG_LEVEL: 'error',
      OUTBOX_RELAY_MAX_STALL_MS: '3000',
    }).catch(async (error: unknown) => {
      await broker.stop();
      throw error;
    });
    try {
      // The broker gone, a row to publish: the relay's send hangs, retrying.
      await broker.stop();
      const client = new pg.Client({ connectionString: settings.DATABASE_URL });
      await client.connect();
      await client.query(
        `INSERT INTO scoring.outbox (topic, key, value) VALUES ('scores', 'cum-x', '{}')`,
      );
      await client.end();
      const written = performance.now();
      const exit = await Promise.race([
        scoring.exited,
        new Promise<Exit>((resolve) =>
          setTimeout(() => resolve({ code: null, signal: null }), 90_000),
        ),
      ]);
      const seconds = (performance.now() - written) / 1000;
      expect(exit).toEqual({ code: 1, signal: null });
      expect(scoring.tail()).toContain('the outbox relay has not completed a round');
      expect(scoring.tail()).toContain('failed and must be restarted');
      console.log(
        `[crash-policy] broker gone with a row to publish: the process exited 1 after ${seconds.toFixed(1)} s (stall limit 3 s)`,
      );
    } finally {
      await stopService(scoring);
    }
  }, 200_000);
});
