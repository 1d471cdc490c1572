import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mintToken } from '@thidua/gateway';
import {
  authSecret,
  eventually,
  startSystem,
  tokenFor,
  type RunningSystem,
} from '../support/system.ts';
import { openContest, submitResults } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import { countCriterion, testScheme } from '../support/scheme.ts';

const year = 2026;
const periodId = `${year}-H1`;
interface Standings {
  revision: number;
  entries: { unitCode: string; rank: number; total: string }[];
}

const rankingQuery = operationDocument('Ranking');
const submit = (system: RunningSystem, unit: string, admitted: string) =>
  submitResults(system, unit, periodId, { admitted });

/** The request body of a rankingChanged stream of cum-s. */
const rankingChanged = JSON.stringify({
  query: operationDocument('RankingChanged'),
  variables: { cluster: 'cum-s', period: periodId },
});

/** An open rankingChanged stream of cum-s, read as it arrives. */
interface Stream {
  /** The answer's content type. */
  contentType: string | null;
  /** Reads for `ms` milliseconds or until the stream ends. */
  readFor(ms: number): Promise<void>;
  /** Everything received so far. */
  text(): string;
  /** The payloads of its `data:` lines so far. */
  payloads(): { data?: { rankingChanged: Standings }; errors?: ErrorPayload[] }[];
  ended(): boolean;
  close(): void;
}

interface ErrorPayload {
  message: string;
  extensions?: { code?: string };
}

async function openStream(system: RunningSystem, token: string): Promise<Stream> {
  const abort = new AbortController();
  const response = await fetch(system.gateway.url(), {
    method: 'POST',
    signal: abort.signal,
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: rankingChanged,
  });
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no event stream');
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  let pending: ReturnType<typeof reader.read> | null = null;
  return {
    contentType: response.headers.get('content-type'),
    async readFor(ms) {
      const until = Date.now() + ms;
      while (!ended && Date.now() < until) {
        pending ??= reader.read();
        const chunk = await Promise.race([
          pending,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), until - Date.now())),
        ]);
        if (chunk === null) break;
        pending = null;
        if (chunk.done) ended = true;
        else text += decoder.decode(chunk.value, { stream: true });
      }
    },
    text: () => text,
    payloads: () =>
      text
        .split('\n')
        .filter((line) => line.startsWith('data:') && line.length > 5)
        .map((line) => JSON.parse(line.slice(5)) as ReturnType<Stream['payloads']>[number]),
    ended: () => ended,
    close: () => {
      abort.abort();
    },
  };
}

/** A token of s1's staff under a subject of its own, valid for `expiresIn`. */
const s1Token = (subject: string, expiresIn = '1h') =>
  mintToken(authSecret, { subject, unitCode: 's1' }, expiresIn);

describe('the rankingChanged subscription over server-sent events', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
    await openContest(system, {
      clusterCode: 'cum-s',
      year,
      members: [
        { unitCode: 's1', name: 'S1' },
        { unitCode: 's2', name: 'S2' },
      ],
      lead: 's1',
      scheme: testScheme(year, { criteria: [countCriterion('1.1', '100', 'admitted', '1')] }),
      periodId,
    });
    await submit(system, 's1', '60');
    await eventually(async () => {
      const { data } = await system.graphql(rankingQuery, { cluster: 'cum-s', period: periodId });
      const entries =
        (data as { ranking: { entries: { status: string }[] } | null }).ranking?.entries ?? [];
      return entries.some((e) => e.status === 'RANKED') ? true : undefined;
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test("delivers the new standings to a member after another unit's submission flows through Kafka", async () => {
    const stream = await openStream(system, await tokenFor('s1'));
    expect(stream.contentType).toMatch(/text\/event-stream/);

    // Submit once the stream is open; the feed reads the rankings topic from its end.
    expect(await submit(system, 's2', '80')).toMatchObject({ __typename: 'SubmissionAccepted' });

    const received = await eventually(
      async () => {
        await stream.readFor(200);
        return stream
          .payloads()
          .map((payload) => payload.data?.rankingChanged)
          .find((standings) => standings?.entries.some((e) => e.unitCode === 's2'));
      },
      { timeoutMs: 30_000 },
    );
    stream.close();
    expect(received.entries).toEqual([
      { unitCode: 's2', rank: 1, total: '80.00' },
      { unitCode: 's1', rank: 2, total: '60.00' },
    ]);
  });

  test('ends the stream when its token expires and delivers no change after', async () => {
    const stream = await openStream(system, await s1Token('expiring@s1', '3s'));
    const expiresAt = Date.now() + 3000;
    await stream.readFor(expiresAt + 1000 - Date.now());
    expect(stream.ended()).toBe(true);
    expect(stream.text()).toContain('event: complete');

    // A change after the expiry reaches the ranking but not the ended stream.
    expect(await submit(system, 's2', '90')).toMatchObject({ __typename: 'SubmissionAccepted' });
    await eventually(async () => {
      const { data } = await system.graphql(rankingQuery, { cluster: 'cum-s', period: periodId });
      const entries =
        (data as { ranking: { entries: { unitCode: string; total: string | null }[] } | null })
          .ranking?.entries ?? [];
      return entries.some((e) => e.unitCode === 's2' && e.total === '90.00') ? true : undefined;
    });
    await stream.readFor(1000);
    expect(stream.payloads().filter((p) => p.data !== undefined)).toEqual([]);
    stream.close();
  });

  test("refuses one identity's stream beyond its share, keeps the others working, and frees a closed stream's slot", async () => {
    const token = await s1Token('many-tabs@s1');
    const streams = await Promise.all(Array.from({ length: 5 }, () => openStream(system, token)));
    const other = await openStream(system, await s1Token('other-staff@s1'));

    const sixth = await openStream(system, token);
    await sixth.readFor(5000);
    expect(sixth.ended()).toBe(true);
    const [refusal] = sixth.payloads().flatMap((p) => p.errors ?? []);
    expect(refusal?.extensions?.code).toBe('TOO_MANY_STREAMS');
    expect(refusal?.message).toMatch(/at most 5 streams .* close one first \(Mỗi người dùng/);

    // Closing one frees its slot for a new stream of the same identity.
    streams[0]?.close();
    const reopened = await eventually(async () => {
      const stream = await openStream(system, token);
      await stream.readFor(500);
      if (!stream.ended()) return stream;
      return undefined;
    });

    expect(await submit(system, 's2', '70')).toMatchObject({ __typename: 'SubmissionAccepted' });
    const open = [...streams.slice(1), other, reopened];
    await Promise.all(
      open.map((stream) =>
        eventually(async () => {
          await stream.readFor(200);
          return stream
            .payloads()
            .some((p) => p.data?.rankingChanged.entries.some((e) => e.total === '70.00'))
            ? true
            : undefined;
        }),
      ),
    );
    for (const stream of open) stream.close();
  });

  test('refuses to stream the ranking of a cluster the caller does not belong to', async () => {
    const { data, errors } = await system.graphql(
      operationDocument('RankingChanged'),
      { cluster: 'cum-s', period: periodId },
      'outsider',
    );
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.message).toMatch(/may not see/);
  });
});
