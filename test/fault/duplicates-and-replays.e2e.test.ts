import { readModelServices } from '@thidua/infra';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  cleanRun,
  duplicatingPlan,
  interleave,
  replayContest,
  type CleanRun,
  type ReplayPlan,
  type ReplayResult,
} from './support/contest-replay.ts';
import { compareTallies } from './support/delivery-tally.ts';
import { printFigures } from './support/fault-figures.ts';

// Issue "Reliability: nothing lost, nothing counted twice", case 4: the reference workload's contest topic,
// taken from a clean run, published again into a fresh deployment with every event twice and the
// first half of each partition once more at the end. The services must end where the clean run did.
describe('a contest topic with every event published twice and old events again after newer ones', () => {
  let clean: CleanRun;
  let plan: ReplayPlan;
  let replay: ReplayResult;

  beforeAll(async () => {
    clean = await cleanRun();
    plan = duplicatingPlan(clean.messages);
    replay = await replayContest(interleave(plan.byPartition), clean.contestIds);
    const { lost, duplicated } = compareTallies(clean.tally, replay.tally);
    printFigures('duplicates and replays', {
      'gateway commands (clean run)': clean.commands,
      'contest events (clean run)': clean.messages.length,
      'messages produced (replay)': replay.produced,
      'duplicates injected': plan.duplicates,
      'old events replayed after newer': plan.replays,
      'events processed by the services': replay.processed,
      lost,
      duplicated,
      'clean run (s)': clean.seconds.toFixed(1),
      'replay (s)': replay.seconds.toFixed(1),
    });
  }, 240_000);

  test('starts from a clean run whose every read model has rows, so the comparison means something', () => {
    for (const service of readModelServices) expect(clean.dump.rows[service]).toBeGreaterThan(0);
    expect(clean.dump.rows.scoring).toBeGreaterThan(70);
    expect(replay.produced).toBe(clean.messages.length + plan.duplicates + plan.replays);
    expect(replay.contest).toHaveLength(replay.produced);
  });

  test('ends with the same scorecards, current standings, award sheets and summaries as the clean run', () => {
    expect(replay.dump).toEqual(clean.dump);
  });

  test('applies each contest event once in every service: nothing lost, nothing counted twice', () => {
    expect(replay.tally['contest events applied by scoring']).toBe(clean.contestIds.length);
    expect(compareTallies(clean.tally, replay.tally)).toEqual({
      lost: 0,
      duplicated: 0,
      differences: [],
    });
  });

  test('sends none of the repeated events to the dead-letter topic', () => {
    expect(replay.deadLetters).toHaveLength(0);
  });
});
