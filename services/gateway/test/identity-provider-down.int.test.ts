import { generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createGatewayService, type GatewayService } from '../src/gateway-service.ts';
// The types of what the integration setup provides (`inject`).
import type {} from '../../../test/support/provided-context.ts';
import { providerToken } from './provider-token.ts';

const issuer = 'https://idp.example.vn';
const audience = 'https://thidua.example.vn/api';
const message = "The identity provider's key set could not be fetched";
const messageVi = 'Không kiểm tra được mã xác thực: không lấy được bộ khóa của máy chủ định danh';

/** A loopback port nothing listens on: it was free a moment ago and has been let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('the gateway while its identity provider does not answer', () => {
  let gateway: GatewayService;
  let token: string;

  beforeAll(async () => {
    const suffix = randomBytes(4).toString('hex');
    const database = new URL(inject('databaseUrl'));
    database.pathname = `${database.pathname}_${suffix}`;
    gateway = createGatewayService(
      {
        DATABASE_URL: database.toString(),
        KAFKA_BROKERS: inject('kafkaBrokers'),
        TOPIC_NAMESPACE: `t-${suffix}`,
        LOG_LEVEL: 'error',
      },
      {
        port: 0,
        development: false,
        authSecret: 'a-gateway-secret-that-signs-nothing-here-0123',
        identityProvider: {
          keys: { jwksUrl: new URL(`http://127.0.0.1:${await closedPort()}/jwks`) },
          issuer,
          audience,
          claims: { unit: 'unit', role: 'role', centralRole: 'central' },
        },
      },
    );
    await gateway.start();
    // A well-formed token naming a key of the provider's, which the gateway cannot fetch.
    const { privateKey } = await generateKeyPair('ES256');
    token = await providerToken(privateKey, 'thidua-2026-1', { issuer, audience });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  test('GraphQL answers 503 with the code and the sentence in English and Vietnamese', async () => {
    const response = await fetch(gateway.url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { subject } }' }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: `${message} (${messageVi})`,
          extensions: { code: 'IDENTITY_PROVIDER_UNREACHABLE' },
        },
      ],
    });
  });

  test('the file and evidence routes answer 503 with their error shape', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const form = new FormData();
    form.set('unit', 'ha-tinh');
    form.set('file', new Blob(['%PDF-1.4']), 'biên-bản.pdf');
    const answers = [
      await fetch(new URL('/exports/ranking.xlsx?cluster=cum-2&period=2026-FY', gateway.url()), {
        headers,
      }),
      await fetch(new URL('/evidence', gateway.url()), { method: 'POST', headers, body: form }),
    ];
    for (const response of answers) {
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: { code: 'IDENTITY_PROVIDER_UNREACHABLE', message, messageVi },
      });
    }
  });

  test('a request without a token is still asked to sign in', async () => {
    const response = await fetch(gateway.url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { subject } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
