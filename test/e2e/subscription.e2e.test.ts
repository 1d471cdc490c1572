import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startSystem, tokenFor, type RunningSystem } from '../support/system.ts';

const year = 2026;
const periodId = `${year}-H1`;
const scheme = {
  code: 'sse-scheme',
  year,
  title: 'Bảng điểm thử theo dõi',
  indicators: [{ code: 'admitted', title: 'Đảng viên mới', kind: 'COUNT', maxValue: '30000' }],
  headings: [
    {
      code: 'I',
      title: 'Xây dựng Đảng',
      criteria: [
        {
          code: '1.1',
          title: 'Kết nạp',
          maxPoints: '100',
          method: 'COUNT',
          indicator: 'admitted',
          pointsPerItem: '1',
        },
      ],
    },
  ],
};

interface Standings {
  revision: number;
  entries: { unitCode: string; rank: number; total: string }[];
}

const submit = (system: RunningSystem, unit: string, admitted: string) =>
  system.graphql(
    `mutation { submitResults(unitCode: "${unit}", periodId: "${periodId}",
       indicators: [{ code: "admitted", value: "${admitted}" }], selfScores: []) { __typename } }`,
    {},
    unit,
  );

describe('the rankingChanged subscription over server-sent events', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
    await system.graphql(
      `mutation { defineCluster(clusterCode: "cum-s", name: "Cụm S", year: ${year}, lead: "s1",
         members: [{ unitCode: "s1", name: "S1" }, { unitCode: "s2", name: "S2" }]) { __typename } }`,
    );
    await system.graphql(
      `mutation($s: JSON!) { assignScheme(clusterCode: "cum-s", scheme: $s) { __typename } }`,
      {
        s: scheme,
      },
    );
    await system.graphql(
      `mutation { openPeriod(clusterCode: "cum-s", periodId: "${periodId}", deadline: "2026-12-31T17:00:00+07:00") { __typename } }`,
    );
    await submit(system, 's1', '60');
    await eventually(async () => {
      const { data } = await system.graphql(
        `{ ranking(cluster: "cum-s", period: "${periodId}") { entries { status } } }`,
      );
      const entries =
        (data as { ranking: { entries: { status: string }[] } | null }).ranking?.entries ?? [];
      return entries.some((e) => e.status === 'RANKED') ? true : undefined;
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test("delivers the new standings to a member after another unit's submission flows through Kafka", async () => {
    const abort = new AbortController();
    const response = await fetch(system.gateway.url(), {
      method: 'POST',
      signal: abort.signal,
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor('s1')}`,
      },
      body: JSON.stringify({
        query: `subscription { rankingChanged(cluster: "cum-s", period: "${periodId}") {
          revision entries { unitCode rank total } } }`,
      }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('no event stream');

    // Submit once the stream is open; the feed reads the rankings topic from its end.
    expect((await submit(system, 's2', '80')).data).toEqual({
      submitResults: { __typename: 'SubmissionAccepted' },
    });

    const decoder = new TextDecoder();
    let text = '';
    let received: Standings | null = null;
    const deadline = Date.now() + 30_000;
    while (received === null && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      for (const line of text.split('\n')) {
        if (!line.startsWith('data:')) continue;
        const payload = JSON.parse(line.slice(5)) as { data?: { rankingChanged: Standings } };
        const standings = payload.data?.rankingChanged;
        if (standings?.entries.some((e) => e.unitCode === 's2')) received = standings;
      }
    }
    abort.abort();
    expect(received?.entries).toEqual([
      { unitCode: 's2', rank: 1, total: '80.00' },
      { unitCode: 's1', rank: 2, total: '60.00' },
    ]);
  });

  test('refuses to stream the ranking of a cluster the caller does not belong to', async () => {
    const { data, errors } = await system.graphql(
      `subscription { rankingChanged(cluster: "cum-s", period: "${periodId}") { revision } }`,
      {},
      'outsider',
    );
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.message).toMatch(/may not see/);
  });
});
