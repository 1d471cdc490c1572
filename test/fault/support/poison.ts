import { randomUUID } from 'node:crypto';
import type { ReplayPlan } from './contest-replay.ts';
import type { OutgoingMessage, RawMessage } from './topic-messages.ts';

/** A message no consumer can apply, and the dead-letter reason it must get. */
export interface Poison {
  kind: string;
  /** Its own key; by default it takes the key of the event it lands next to. */
  key?: Buffer | null;
  value: Buffer | null;
  reason: RegExp;
  /** Goes right before the first copy of the event with this id (a corrupt copy of it). */
  before?: string;
}

interface Envelope {
  id: string;
  type: string;
  version: number;
  clusterCode: string;
  data: Record<string, unknown>;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

function envelopeOf(message: RawMessage): Envelope {
  return JSON.parse(message.value?.toString('utf8') ?? 'null') as Envelope;
}

/** The first message of the clean run's contest topic with an event of `type`. */
function sampleOf(messages: readonly RawMessage[], type: string): RawMessage & { event: Envelope } {
  for (const message of messages) {
    const event = envelopeOf(message);
    if (event.type === type) return { ...message, event };
  }
  throw new Error(`the clean run has no ${type}`);
}

/**
 * A message past the consumer's fetch size (kafkajs fetches 1 MB per partition) and the relay's
 * 800 KB send budget, but well inside the topics' 8 MB limit: the largest message the broker would
 * still hand a consumer at our settings. Its envelope is valid; its unit code is a 1.5 MB slug, far
 * beyond the 64 characters a code may have.
 */
export const oversizedBytes = 1_500_000;

/**
 * The poison of the workload-scale case: invalid JSON (truncated, not UTF-8, a tombstone), events
 * invalid by schema (envelope, data, and a corrupt copy of a real event sharing its id), unknown
 * and misplaced types, an unsupported version and an oversized message. Built from the clean run's
 * own events, and keyed like their neighbours once placed.
 */
export function poisonOf(messages: readonly RawMessage[]): Poison[] {
  const submitted = sampleOf(messages, 'ResultsSubmitted');
  const { event } = submitted;
  return [
    {
      kind: 'truncated JSON',
      value: Buffer.from('{"id":"', 'utf8'),
      reason: /^invalid JSON: /,
    },
    {
      kind: 'bytes that are not UTF-8',
      value: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3]),
      reason: /^invalid JSON: /,
    },
    { kind: 'a tombstone (no value)', value: null, reason: /^invalid JSON: / },
    {
      kind: 'an envelope whose id is not a uuid',
      value: json({ ...event, id: 'not-a-uuid' }),
      reason: /^invalid envelope: id: /,
    },
    {
      kind: 'a corrupt copy of a real submission, sharing its id, ahead of it',
      value: json({
        ...event,
        data: { ...event.data, indicators: { newPartyMembersAdmitted: 'mười hai' } },
      }),
      reason: /^invalid ResultsSubmitted data: indicators\.newPartyMembersAdmitted: /,
      before: event.id,
    },
    {
      kind: 'an unknown event type',
      value: json({ ...event, id: randomUUID(), type: 'ResultsWithdrawn' }),
      reason: /^unknown event type ResultsWithdrawn$/,
    },
    {
      kind: 'an event of another topic',
      value: json({ ...event, id: randomUUID(), type: 'ScorecardComputed' }),
      reason: /^ScorecardComputed does not belong on contest$/,
    },
    {
      kind: 'an unsupported version',
      value: json({ ...event, id: randomUUID(), version: 2 }),
      reason: /^unsupported version 2 of ResultsSubmitted$/,
    },
    {
      kind: `an oversized event (${oversizedBytes.toLocaleString('en')} bytes of unit code)`,
      value: json({
        ...event,
        id: randomUUID(),
        data: { ...event.data, unitCode: 'x'.repeat(oversizedBytes) },
      }),
      reason: /^invalid ResultsSubmitted data: unitCode: /,
    },
  ];
}

/** Where a poison message went in the replay. */
export interface PlacedPoison {
  poison: Poison;
  partition: number;
  key: Buffer | null;
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

/**
 * Mixes poison into a replay plan: a corrupt copy right before its original, the others spread
 * over the partitions that carry events, each a little further down its partition's list.
 */
export function withPoison(
  plan: ReplayPlan,
  poison: readonly Poison[],
): { byPartition: Map<number, OutgoingMessage[]>; placed: PlacedPoison[] } {
  const byPartition = new Map([...plan.byPartition].map(([p, list]) => [p, [...list]]));
  const partitions = [...byPartition.keys()];
  const placed: PlacedPoison[] = [];
  poison.forEach((item, i) => {
    let partition = partitions[i % partitions.length] ?? 0;
    let list = byPartition.get(partition) ?? [];
    let at = Math.floor(((i + 1) * list.length) / (poison.length + 1));
    if (item.before !== undefined) {
      const original = poisonTarget(byPartition, item.before);
      partition = original.partition;
      list = original.list;
      at = original.index;
    }
    const key = item.key === undefined ? (list[at]?.key ?? null) : item.key;
    list.splice(at, 0, { partition, key, value: item.value });
    byPartition.set(partition, list);
    placed.push({ poison: item, partition, key });
  });
  return { byPartition, placed };
}

function poisonTarget(byPartition: Map<number, OutgoingMessage[]>, eventId: string) {
  for (const [partition, list] of byPartition) {
    const index = list.findIndex(
      (m) =>
        m.value !== null &&
        (JSON.parse(m.value.toString('utf8')) as { id?: unknown }).id === eventId,
    );
    if (index >= 0) return { partition, list, index };
  }
  throw new Error(`no event ${eventId} in the plan`);
}

/** A dead letter as the kit writes it (services/kit/src/consumer.ts). */
export interface DeadLetter {
  reason: string;
  origin: { topic: string; partition: number; offset: string };
  consumerGroup: string;
  key: string | null;
  keyBase64: string | null;
  value: string | null;
  valueBase64: string | null;
  valueBytes: number;
}

/** The bytes a dead letter kept of a raw key or value: its text, or else its base64. */
export const keptBytes = (text: string | null, base64: string | null): Buffer | null =>
  text !== null
    ? Buffer.from(text, 'utf8')
    : base64 !== null
      ? Buffer.from(base64, 'base64')
      : null;

export function deadLetterOf(message: RawMessage): DeadLetter {
  return JSON.parse(message.value?.toString('utf8') ?? 'null') as DeadLetter;
}

/** The poison message a dead letter's origin points at on the replayed topic, if any. */
export function poisonAt(
  letter: DeadLetter,
  topic: readonly RawMessage[],
  placed: readonly PlacedPoison[],
): PlacedPoison | undefined {
  const origin = topic.find(
    (m) => m.partition === letter.origin.partition && m.offset === BigInt(letter.origin.offset),
  );
  if (origin === undefined) return undefined;
  return placed.find(
    (p) =>
      p.partition === origin.partition &&
      sameBytes(p.poison.value, origin.value) &&
      sameBytes(p.key, origin.key),
  );
}
