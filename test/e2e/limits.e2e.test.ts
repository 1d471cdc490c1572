import {
  createGatewayService,
  loadPersistedOperations,
  type GatewayService,
} from '@thidua/gateway';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authSecret, startSystem, tokenFor, type RunningSystem } from '../support/system.ts';

// The gateway's bounds (services/gateway/src/limits.ts): 100 KB bodies, 15 aliases, 2000 tokens.
const post = async (url: string, body: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor('central')}`,
    },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string }[] },
  };
};

const tieVote = (winners: number) =>
  `mutation { recordTieVote(clusterCode: "cum-x", year: 2026, award: FLAG, rank: 1,
     winners: [${Array.from({ length: winners }, (_, i) => `"u${String(i)}"`).join(' ')}]) { __typename } }`;

describe('request limits', () => {
  let system: RunningSystem;
  let production: GatewayService;

  beforeAll(async () => {
    system = await startSystem();
    production = createGatewayService(system.settings, { port: 0, development: false, authSecret });
    await production.start();
  });

  afterAll(async () => {
    await production.stop();
    await system.stop();
  });

  test.each([
    {
      name: '15 aliases',
      query: `{ ${Array.from({ length: 15 }, (_, i) => `a${String(i)}: me { central }`).join(' ')} }`,
      passes: true,
    },
    {
      name: '16 aliases',
      query: `{ ${Array.from({ length: 16 }, (_, i) => `a${String(i)}: me { central }`).join(' ')} }`,
      passes: false,
    },
    // A list argument of n strings is about n + 20 tokens.
    { name: 'about 1,990 tokens', query: tieVote(1970), passes: true },
    { name: 'about 2,100 tokens', query: tieVote(2080), passes: false },
  ])('a query of $name passes: $passes', async ({ query, passes }) => {
    const { body } = await post(system.gateway.url(), JSON.stringify({ query }));
    if (passes) expect(body.errors?.[0]?.message).toBeUndefined();
    else expect(body.errors?.[0]?.message).toMatch(/alias|token/i);
  });

  // Depth: thidua's own types nest at most 5 levels, so only the recursive introspection type
  // `__Type` (open in development) can reach the limit with a valid query.
  const ofTypes = (levels: number) =>
    `{ __type(name: "Query") { fields { type ${'{ ofType '.repeat(levels)}{ name }${' }'.repeat(levels)} } } }`;
  // Cost (limits.ts): each field costs 1 per item it is resolved for; a page's selection counts
  // `first` times, a plain list's 50 times. unit → history(first: 100) → edges → node with n
  // fields costs 1 + 1 + 100 (1 + 1 + n) = 202 + 100 n: 497 of them cost 49,902, 498 cost 50,002.
  // The four fields of a node take turns: graphql-js caps the comparisons of same-named fields.
  const nodeFields = ['unitCode', 'periodId', 'total', 'classification'];
  const historyFields = (n: number) =>
    `{ unit(code: "u1") { history(first: 100) { edges { node { ${Array.from({ length: n }, (_, i) => nodeFields[i % 4]).join(' ')} } } } } }`;
  // A page of 100 clusters with every member and period costs 1 + 100 × (1 + 305) = 30,601.
  const clusterPage = (alias: string, first: string) =>
    `${alias}: clusters(first: ${first}) { edges { node { code name
       members { unitCode name mergedFrom } periods { periodId deadline status } } } }`;

  test.each([
    { name: 'depth 8', query: ofTypes(4), passes: true, refusal: /depth/ },
    { name: 'depth 9', query: ofTypes(5), passes: false, refusal: /depth/ },
    { name: 'cost 49,902', query: historyFields(497), passes: true, refusal: /cost/i },
    { name: 'cost 50,002', query: historyFields(498), passes: false, refusal: /cost/i },
    {
      name: 'a page of 100 clusters with members and periods (30,601)',
      query: `{ ${clusterPage('a', '100')} }`,
      passes: true,
      refusal: /cost/i,
    },
    {
      name: 'two such pages (61,202)',
      query: `{ ${clusterPage('a', '100')} ${clusterPage('b', '100')} }`,
      passes: false,
      refusal: /cost/i,
    },
  ])('a query of $name passes: $passes', async ({ query, passes, refusal }) => {
    const { body } = await post(system.gateway.url(), JSON.stringify({ query }));
    if (passes) expect(body.errors?.[0]?.message).toBeUndefined();
    else expect(body.errors?.[0]?.message).toMatch(refusal);
  });

  test('prices a page whose size is a variable at the largest page', async () => {
    const query = `query ($n: Int) { ${clusterPage('a', '$n')} ${clusterPage('b', '$n')} }`;
    const { body } = await post(
      system.gateway.url(),
      JSON.stringify({ query, variables: { n: 1 } }),
    );
    expect(body.errors?.[0]?.message).toMatch(/costs too much \(61202 > 50000\)/);
  });

  test('prices a document by the variables of each request, even once it has been served', async () => {
    const query = `query ($both: Boolean!) { ${clusterPage('a', '100')}
      ... @include(if: $both) { ${clusterPage('b', '100')} } }`;
    const refusal = async (both: boolean) =>
      (await post(system.gateway.url(), JSON.stringify({ query, variables: { both } }))).body
        .errors?.[0]?.message;
    expect(await refusal(false)).toBeUndefined();
    expect(await refusal(true)).toMatch(/costs too much \(61202 > 50000\)/);
  });

  test('refuses a fragment spread into more than 10,000 selections, even of free fields', async () => {
    // Each fragment spreads the next 4 times: 4^9 selections of __typename, which cost nothing.
    const fragments = Array.from(
      { length: 9 },
      (_, i) => `fragment F${String(i)} on Query { ${`...F${String(i + 1)} `.repeat(4)}}`,
    );
    const query = `{ ...F0 } ${fragments.join(' ')} fragment F9 on Query { __typename }`;
    const { body } = await post(system.gateway.url(), JSON.stringify({ query }));
    expect(body.errors?.[0]?.message).toMatch(/costs too much \(> 10000\)/);
  });

  test('every persisted operation passes at its largest page', async () => {
    for (const [hash, { name, document }] of loadPersistedOperations()) {
      // A subscription would stream; its cost is checked like a query's.
      if (document.trimStart().startsWith('subscription')) continue;
      const { body } = await post(
        system.gateway.url(),
        JSON.stringify({
          variables: { first: 100, code: 'u1', year: 2026, cluster: 'cum-1', period: '2026-H1' },
          extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        }),
      );
      const refusals = (body.errors ?? []).filter((e) => /limit|cost|persisted/i.test(e.message));
      expect({ name, refusals }).toEqual({ name, refusals: [] });
    }
  });

  test.each([
    { name: 'first: 100', args: 'first: 100', error: undefined },
    { name: 'first: 101', args: 'first: 101', error: /at most 100/ },
    { name: 'last: -1', args: 'last: -1', error: /last/ },
  ])('a page of $name is served or refused by name', async ({ args, error }) => {
    const query = `{ clusters(${args}) { totalCount edges { node { code } } } }`;
    const { body } = await post(production.url(), JSON.stringify({ query }));
    if (error === undefined) expect(body.errors).toBeUndefined();
    else expect(body.errors?.[0]?.message).toMatch(error);
  });

  test.each([
    { args: 'cluster: "Cụm 2", period: "2023-H1"', error: /cluster: must be a lower-case code/ },
    {
      args: 'cluster: "cum-2", period: "2023-Q3"',
      error: /period: must look like 2023-H1 or 2023-FY/,
    },
  ])(
    'refuses a malformed argument ($args) by name, even in production',
    async ({ args, error }) => {
      const query = `{ ranking(${args}) { revision } }`;
      const { body } = await post(production.url(), JSON.stringify({ query }));
      expect(body.data).toEqual({ ranking: null });
      expect(body.errors?.[0]?.message).toMatch(error);
    },
  );

  test.each([
    { name: 'exactly 100 KB', size: 100 * 1024, status: 200 },
    { name: 'one byte over 100 KB', size: 100 * 1024 + 1, status: 413 },
  ])('accepts or refuses a body of $name', async ({ size, status }) => {
    const base = JSON.stringify({ query: '{ me { central } }', variables: { pad: '' } });
    const body = base.replace('"pad":""', `"pad":"${'x'.repeat(size - base.length)}"`);
    expect(Buffer.byteLength(body)).toBe(size);
    expect((await post(system.gateway.url(), body)).status).toBe(status);
  });

  test('refuses malformed JSON with a client error, not a server error', async () => {
    const { status } = await post(system.gateway.url(), '{"query": ');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  test('hides the schema from introspection and field suggestions in production', async () => {
    const introspection = JSON.stringify({ query: '{ __schema { types { name } } }' });
    expect((await post(system.gateway.url(), introspection)).body.errors).toBeUndefined();
    const { body } = await post(production.url(), introspection);
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post(production.url(), JSON.stringify({ query: '{ rankin { revision } }' }));
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
