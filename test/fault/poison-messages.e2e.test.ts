import { readModelServices } from '@thidua/infra';
import { deadLetterBytes } from '@thidua/kit/testing';
import { topicName } from '@thidua/schema';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  cleanRun,
  duplicatingPlan,
  interleave,
  replayContest,
  type CleanRun,
  type ReplayResult,
} from './support/contest-replay.ts';
import { compareTallies } from './support/delivery-tally.ts';
import { printFigures } from './support/fault-figures.ts';
import {
  keptBytes,
  deadLetterOf,
  poisonAt,
  poisonOf,
  withPoison,
  type PlacedPoison,
  type Poison,
} from './support/poison.ts';
import { consumedTopics, consumingServiceNames } from './support/settled-dump.ts';

// Issue "Reliability: nothing lost, nothing counted twice", case 6: the replay of case 4 (every
// event twice, old events after newer ones) with poison mixed in. Each consumer of the contest
// topic must dead-letter each poison message once, with its reason and origin, and otherwise end
// exactly where the clean run did.

/** The consumer groups that read the contest topic: each dead-letters each poison message. */
const contestGroups = (namespace: string) =>
  consumingServiceNames
    .filter((service) => (consumedTopics[service] as readonly string[]).includes('contest'))
    .map((service) => `${namespace}.thidua-${service}`);

interface Replayed {
  result: ReplayResult;
  placed: PlacedPoison[];
}

async function replayWithPoison(clean: CleanRun, poison: Poison[], settleMs?: number) {
  const plan = duplicatingPlan(clean.messages);
  const { byPartition, placed } = withPoison(plan, poison);
  const result = await replayContest(interleave(byPartition), clean.contestIds, settleMs);
  return { plan, result, placed };
}

/** Every dead letter, checked against the poison it must come from; returns what it found. */
function checkDeadLetters({ result, placed }: Replayed) {
  const topic = topicName(result.settings.TOPIC_NAMESPACE, 'contest');
  const groups = contestGroups(result.settings.TOPIC_NAMESPACE);
  const seen = new Map<string, PlacedPoison[]>(groups.map((group) => [group, []]));
  for (const raw of result.deadLetters) {
    const letter = deadLetterOf(raw);
    expect(letter.origin.topic).toBe(topic);
    expect(groups).toContain(letter.consumerGroup);
    const source = poisonAt(letter, result.contest, placed);
    expect(source, `the origin of "${letter.reason.slice(0, 80)}"`).toBeDefined();
    if (source === undefined) continue;
    expect(letter.reason).toMatch(source.poison.reason);
    // A letter keeps at most the first deadLetterBytes of the raw value, as text or base64.
    const value = source.poison.value;
    expect(keptBytes(letter.value, letter.valueBase64)).toEqual(
      value?.subarray(0, deadLetterBytes) ?? null,
    );
    expect(letter.valueBytes).toBe(value?.length ?? 0);
    expect(keptBytes(letter.key, letter.keyBase64)).toEqual(source.key ?? null);
    seen.get(letter.consumerGroup)?.push(source);
  }
  // Exactly once per poison message and group: none missing, none twice.
  for (const [group, sources] of seen) {
    expect(sources.map((s) => s.poison.kind).sort(), group).toEqual(
      placed.map((p) => p.poison.kind).sort(),
    );
  }
  return { groups: groups.length };
}

describe('poison messages mixed into a replay with duplicates and old events', () => {
  let clean: CleanRun;
  let replayed: Awaited<ReturnType<typeof replayWithPoison>>;

  beforeAll(async () => {
    clean = await cleanRun();
    replayed = await replayWithPoison(clean, poisonOf(clean.messages));
    const { lost, duplicated } = compareTallies(clean.tally, replayed.result.tally);
    printFigures('poison messages', {
      'contest events (clean run)': clean.messages.length,
      'messages produced (replay)': replayed.result.produced,
      'duplicates injected': replayed.plan.duplicates,
      'old events replayed after newer': replayed.plan.replays,
      'poison messages injected': replayed.placed.length,
      'dead letters': replayed.result.deadLetters.length,
      'events processed by the services': replayed.result.processed,
      lost,
      duplicated,
      'clean run (s)': clean.seconds.toFixed(1),
      'replay (s)': replayed.result.seconds.toFixed(1),
    });
  }, 240_000);

  test('starts from a clean run whose every read model has rows, so the comparison means something', () => {
    for (const service of readModelServices) expect(clean.dump.rows[service]).toBeGreaterThan(0);
    expect(replayed.placed.length).toBe(9);
  });

  test('dead-letters each poison message once per consuming service, with its reason and origin', () => {
    const { groups } = checkDeadLetters(replayed);
    expect(groups).toBe(4);
    expect(replayed.result.deadLetters).toHaveLength(replayed.placed.length * groups);
  });

  test('ends with the same read models as the clean run: nothing lost, nothing counted twice', () => {
    expect(replayed.result.dump).toEqual(clean.dump);
    expect(compareTallies(clean.tally, replayed.result.tally)).toEqual({
      lost: 0,
      duplicated: 0,
      differences: [],
    });
  });

  // Messages the broker accepts but whose dead letter is hard to keep: each in a replay of its own,
  // so that one stalling the pipeline cannot hide the others.
  const edges: Poison[] = [
    {
      // Binary (an Avro record on the wrong topic, say) within the topic's 8 MB limit; as text,
      // every invalid byte becomes U+FFFD (3 bytes), so its dead letter is about 9 MB.
      kind: '3 MB of bytes that are not UTF-8',
      value: Buffer.alloc(3_000_000, 0xff),
      reason: /^invalid JSON: /,
    },
    {
      // Kafka keys are bytes; the kit keeps a dead letter's key as PostgreSQL text.
      kind: 'a key with a NUL byte',
      key: Buffer.from('cum-2\u0000', 'utf8'),
      value: Buffer.from('{"id":', 'utf8'),
      reason: /^invalid JSON: /,
    },
  ];

  test.each(edges)(
    'dead-letters $kind and keeps every partition flowing',
    async (poison) => {
      const edge = await replayWithPoison(clean, [poison], 25_000);
      printFigures(`edge poison: ${poison.kind}`, {
        'messages produced': edge.result.produced,
        'dead letters': edge.result.deadLetters.length,
        'replay (s)': edge.result.seconds.toFixed(1),
      });
      checkDeadLetters(edge);
      expect(edge.result.deadLetters).toHaveLength(4);
      expect(edge.result.dump).toEqual(clean.dump);
    },
    60_000,
  );
});
