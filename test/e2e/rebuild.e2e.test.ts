import {
  dropReadModel,
  dumpReadModels,
  loadDemo,
  readModelServices,
  type ReadModelDump,
} from '@thidua/infra';
import { createDb, createKafka, createLogger } from '@thidua/kit';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testSettings } from '../support/database.ts';
import { eventually, startSystem, type RunningSystem } from '../support/system.ts';

/** Takes the dump once it holds still: two reads a second apart that agree. */
async function settledDump(db: Kysely<unknown>, expected?: ReadModelDump): Promise<ReadModelDump> {
  return eventually(
    async () => {
      const first = await dumpReadModels(db);
      if (expected !== undefined)
        return first.hashes.all === expected.hashes.all ? first : undefined;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const second = await dumpReadModels(db);
      return first.hashes.all === second.hashes.all && first.rows.awards >= 3 ? first : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

describe('rebuilding every read model from the topics', () => {
  const settings = testSettings();
  const db = createDb<unknown>(settings.DATABASE_URL, 'public', 2);
  let system: RunningSystem;
  let before: ReadModelDump;

  beforeAll(async () => {
    system = await startSystem(settings);
    await loadDemo(system.gateway.db);
    before = await settledDump(db);
    await system.stop();
    const kafka = createKafka(
      settings.KAFKA_BROKERS,
      'rebuild-test',
      createLogger('rebuild-test', 'silent'),
    );
    const admin = kafka.admin();
    await admin.connect();
    for (const service of readModelServices) {
      await dropReadModel(
        db,
        (groupId) => admin.deleteGroups([groupId]).then(() => undefined),
        service,
        settings.TOPIC_NAMESPACE,
      );
    }
    await admin.disconnect();
    system = await startSystem(settings);
  });

  afterAll(async () => {
    await system.stop();
    await db.destroy();
  });

  test('gives the same scorecards, standings, award sheets and summaries as before, row for row', async () => {
    expect(before.rows.scoring).toBeGreaterThan(70);
    const after = await settledDump(db, before);
    expect(after).toEqual(before);
  });
});
