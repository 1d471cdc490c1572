import { createGatewayService, type GatewayService } from '@thidua/gateway';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testSettings } from '../support/database.ts';
import { authSecret, tokenFor } from '../support/system.ts';

// Two gateways over one database: production with one allowed web origin and short client
// timeouts, and development with the defaults.
const allowedOrigin = 'https://thidua.example.vn';
const timeouts = { headersMs: 500, requestMs: 1_000, keepAliveMs: 500 };

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

const send = async (url: string, init: RequestInit): Promise<Answer> => {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

interface GraphqlErrors {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

const graphql = async (
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  as: string | null = 'central',
) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as !== null) headers.authorization = `Bearer ${await tokenFor(as)}`;
  const answer = await send(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return JSON.parse(answer.text) as GraphqlErrors;
};

/**
 * Opens a raw connection, writes `head` at once and then `trickle` one byte every 100 ms, and
 * resolves with how long the server let it live and what it answered.
 */
const slowClient = (port: number, head: string, trickle: string, giveUpMs: number) =>
  new Promise<{ closedAfterMs: number | null; answer: string }>((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < trickle.length) socket.write(trickle.charAt(sent++));
    }, 100);
    const finish = (closedAfterMs: number | null) => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedAfterMs, answer });
    };
    const giveUp = setTimeout(() => finish(null), giveUpMs);
    socket.on('connect', () => socket.write(head));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(Date.now() - started));
  });

describe('HTTP hardening', () => {
  let production: GatewayService;
  let development: GatewayService;

  beforeAll(async () => {
    const settings = testSettings();
    production = createGatewayService(settings, {
      port: 0,
      development: false,
      authSecret,
      corsOrigins: [allowedOrigin],
      timeouts,
    });
    development = createGatewayService(settings, { port: 0, development: true, authSecret });
    await Promise.all([production.start(), development.start()]);
  });

  afterAll(async () => {
    await Promise.all([production.stop(), development.stop()]);
  });

  test('serves GraphiQL in development only', async () => {
    const page = { headers: { accept: 'text/html' } };
    const developed = await send(development.url(), page);
    expect(developed.headers.get('content-type')).toMatch(/text\/html/);
    expect(developed.text).toMatch(/graphiql/i);
    const produced = await send(production.url(), page);
    expect(produced.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(produced.text).not.toMatch(/graphiql/i);
  });

  const badEnum = {
    variable: {
      query: `mutation ($award: AwardKind!) { recordTieVote(clusterCode: "cum-x", year: 2026,
                award: $award, rank: 1, winners: ["a"]) { __typename } }`,
      variables: { award: 'FLAGG' },
    },
    literal: {
      query: `mutation { recordTieVote(clusterCode: "cum-x", year: 2026, award: FLAGG, rank: 1,
                winners: ["a"]) { __typename } }`,
      variables: {},
    },
  };

  test.each(['variable', 'literal'] as const)(
    'suggests no enum value for a bad %s in production, only in development',
    async (form) => {
      const { query, variables } = badEnum[form];
      const produced = await graphql(production.url(), query, variables);
      expect(produced.errors?.[0]?.message).toMatch(/"FLAGG" does not exist in "AwardKind" enum/);
      expect(produced.errors?.[0]?.message).not.toMatch(/Did you mean|FLAG"/);
      const developed = await graphql(development.url(), query, variables);
      expect(developed.errors?.[0]?.message).toMatch(/Did you mean the enum value "FLAG"\?/);
    },
  );

  test.each([
    {
      type: 'application/x-www-form-urlencoded',
      body: 'query=%7B%20me%20%7B%20central%20%7D%20%7D',
    },
    {
      type: 'multipart/form-data; boundary=b',
      body: '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ me { central } }"}\r\n--b--\r\n',
    },
    { type: 'text/plain', body: '{"query":"{ me { central } }"}' },
  ])('refuses a request sent as $type (CSRF) with 415 and a JSON error', async ({ type, body }) => {
    const answer = await send(production.url(), {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${await tokenFor('central')}` },
      body,
    });
    expect(answer.status).toBe(415);
    const parsed = JSON.parse(answer.text) as GraphqlErrors;
    expect(parsed.data).toBeUndefined();
    expect(parsed.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(parsed.errors?.[0]?.message).toMatch(/application\/json/);
  });

  test('answers CORS only for the configured origins, never with credentials', async () => {
    const preflight = (url: string, origin: string) =>
      send(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight(production.url(), allowedOrigin);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')).toMatch(/Origin/);
    for (const answer of [
      await preflight(production.url(), 'https://evil.example'),
      await preflight(production.url(), 'null'),
      await preflight(development.url(), allowedOrigin),
    ]) {
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const posted = await send(production.url(), {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor('central')}`,
      },
      body: JSON.stringify({ query: '{ me { central } }' }),
    });
    expect(posted.headers.get('access-control-allow-origin')).toBeNull();
    expect(posted.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test.each([
    {
      name: 'a truncated multipart body',
      type: 'multipart/form-data; boundary=b',
      body: '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ me',
    },
    { name: 'truncated JSON', type: 'application/json', body: '{"query": "{ me { central' },
    { name: 'a JSON array', type: 'application/json', body: '[1, 2' },
    { name: 'a JSON string', type: 'application/json', body: '"{ me { central } }"' },
    { name: 'a numeric query', type: 'application/json', body: '{"query": 5}' },
    {
      name: 'string variables',
      type: 'application/json',
      body: '{"query": "{ me { central } }", "variables": "x"}',
    },
  ])('answers $name with a client error and no stack, in development', async ({ type, body }) => {
    const answer = await send(development.url(), {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${await tokenFor('central')}` },
      body,
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toMatch(/stack|INTERNAL_SERVER_ERROR/);
  });

  const port = (gateway: GatewayService) => Number(new URL(gateway.url()).port);

  test('closes a connection whose headers come byte by byte', async () => {
    const { closedAfterMs, answer } = await slowClient(
      port(production),
      'POST /graphql HTTP/1.1\r\n',
      `Host: 127.0.0.1\r\nX-Padding: ${'x'.repeat(100)}\r\n`,
      5_000,
    );
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs).toBeLessThan(2_500);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  test('closes a connection whose body comes byte by byte', async () => {
    const body = JSON.stringify({
      query: '{ me { central } }',
      variables: { pad: 'x'.repeat(60) },
    });
    const { closedAfterMs, answer } = await slowClient(
      port(production),
      [
        'POST /graphql HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        `Content-Length: ${String(Buffer.byteLength(body))}`,
        '',
        '',
      ].join('\r\n'),
      body,
      5_000,
    );
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs).toBeLessThan(3_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  test('keeps a subscription stream open past the request timeout', async () => {
    const controller = new AbortController();
    const query =
      'subscription { rankingChanged(cluster: "cum-1", period: "2026-H1") { revision } }';
    const response = await fetch(`${production.url()}?query=${encodeURIComponent(query)}`, {
      headers: {
        accept: 'text/event-stream',
        authorization: `Bearer ${await tokenFor('central')}`,
      },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const ended = reader?.closed.then(() => true).catch(() => false);
    const outlived = await Promise.race([
      ended,
      new Promise((resolve) => setTimeout(() => resolve('open'), timeouts.requestMs * 2.5)),
    ]);
    controller.abort();
    expect(outlived).toBe('open');
  });
});

describe('error codes and messages', () => {
  let production: GatewayService;

  beforeAll(async () => {
    production = createGatewayService(testSettings(), {
      port: 0,
      development: false,
      authSecret,
    });
    await production.start();
  });

  afterAll(async () => {
    await production.stop();
  });

  const twoPages = `{ ${['a', 'b']
    .map(
      (alias) =>
        `${alias}: clusters(first: 100) { edges { node { code name members { unitCode name mergedFrom } periods { periodId deadline status } } } }`,
    )
    .join(' ')} }`;

  test.each([
    {
      name: 'a query over the cost limit',
      query: twoPages,
      code: 'COST_LIMIT_EXCEEDED',
      message: /costs too much/,
    },
    {
      name: 'a query over the alias limit',
      query: `{ ${Array.from({ length: 16 }, (_, i) => `a${String(i)}: me { central }`).join(' ')} }`,
      code: 'ALIAS_LIMIT_EXCEEDED',
      message: /Aliases limit of 15 exceeded/,
    },
    {
      name: 'a query over the token limit',
      query: `{ clusters(year: 2026) { totalCount } ${'__typename '.repeat(2000)}}`,
      code: 'TOKEN_LIMIT_EXCEEDED',
      message: /Token limit of 2000 exceeded/,
    },
    {
      name: 'an unknown field',
      query: '{ nope }',
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /Cannot query field "nope"/,
    },
    {
      name: 'a malformed period',
      query: '{ ranking(cluster: "cum-2", period: "2023-Q3") { revision } }',
      code: 'BAD_USER_INPUT',
      message:
        /^period: must look like 2023-H1 or 2023-FY \(Giá trị không hợp lệ: period: Kỳ phải có dạng 2023-H1 \(6 tháng\) hoặc 2023-FY \(cả năm\)\)$/,
    },
    {
      name: 'a page over 100',
      query: '{ clusters(first: 101) { totalCount } }',
      code: 'BAD_USER_INPUT',
      message: /^first: a page holds at most 100 items/,
    },
  ])('answers $name with $code and a plain message', async ({ query, code, message }) => {
    const { errors } = await graphql(production.url(), query);
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(errors?.[0]?.message).toMatch(message);
    expect(errors?.[0]?.message).not.toMatch(/^(Syntax|Validation) error/i);
  });

  test.each([
    {
      name: 'an Int',
      query: 'query ($year: Int) { clusters(year: $year) { totalCount } }',
      variables: { year: 'soon' },
      message: /Int cannot represent/,
    },
    {
      name: 'a DateTime',
      query:
        'query ($asOf: DateTime) { ranking(cluster: "cum-2", period: "2026-H1", asOf: $asOf) { revision } }',
      variables: { asOf: 'yesterday' },
      message:
        /"yesterday" is not an ISO 8601 instant .*\("yesterday" không phải thời điểm ISO 8601/,
    },
  ])('codes a malformed $name variable BAD_USER_INPUT', async ({ query, variables, message }) => {
    const { errors } = await graphql(production.url(), query, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });

  test('codes a request without a token UNAUTHENTICATED, one beyond its rights FORBIDDEN', async () => {
    const query = '{ ranking(cluster: "cum-2", period: "2026-H1") { revision } }';
    const anonymous = await graphql(production.url(), query, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await graphql(production.url(), query, {}, 'nobody');
    expect(outsider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test.each(['addBonus', 'addDeduction'])(
    '%s names a malformed period id, not "in NaN"',
    async (mutation) => {
      const query = `mutation { ${mutation}(unitCode: "u1", periodId: "20x3-H1", points: "1", reason: "r") {
        __typename ... on ValidationError { fields { path message messageVi } } } }`;
      const { data } = await graphql(production.url(), query);
      expect(data?.[mutation]).toEqual({
        __typename: 'ValidationError',
        fields: [
          {
            path: 'periodId',
            message: 'must look like 2023-H1 or 2023-FY',
            messageVi: 'Kỳ phải có dạng 2023-H1 (6 tháng) hoặc 2023-FY (cả năm)',
          },
        ],
      });
    },
  );
});
