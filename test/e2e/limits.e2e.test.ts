import { createGatewayService, type GatewayService } from '@thidua/gateway';
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
  // Cost: objects cost 2 plus 1.5 times their children, scalars 1; unit → history → edges → node
  // with n scalar selections costs 16.25 + 5.0625 n, so 984 of them cost 4,997.75 and 985 cost 5,002.8.
  // The four fields of a node take turns: graphql-js caps the comparisons of same-named fields.
  const nodeFields = ['unitCode', 'periodId', 'total', 'classification'];
  const historyFields = (n: number) =>
    `{ unit(code: "u1") { history { edges { node { ${Array.from({ length: n }, (_, i) => nodeFields[i % 4]).join(' ')} } } } } }`;

  test.each([
    { name: 'depth 8', query: ofTypes(4), passes: true, refusal: /depth/ },
    { name: 'depth 9', query: ofTypes(5), passes: false, refusal: /depth/ },
    { name: 'cost 4,997.75', query: historyFields(984), passes: true, refusal: /cost/i },
    { name: 'cost 5,002.8', query: historyFields(985), passes: false, refusal: /cost/i },
  ])('a query of $name passes: $passes', async ({ query, passes, refusal }) => {
    const { body } = await post(system.gateway.url(), JSON.stringify({ query }));
    if (passes) expect(body.errors?.[0]?.message).toBeUndefined();
    else expect(body.errors?.[0]?.message).toMatch(refusal);
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
