import { exportJWK, generateKeyPair } from 'jose';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTokenVerifier,
  IdentityProviderUnreachable,
  ownClaims,
  type OutageLog,
  type TokenVerifier,
} from '../src/auth/tokens.ts';
import { providerToken } from './provider-token.ts';

const issuer = 'https://idp.example.vn';
const audience = 'https://thidua.example.vn/api';

/** How the key set's server treats the next requests. */
type KeySetServer =
  | 'drops the connection'
  | 'never answers'
  | 'answers 503'
  | 'answers 200 with a page'
  | 'answers 200 with JSON that is no key set'
  | 'serves the keys';

describe("an identity provider whose key set can't be fetched", () => {
  let server: Server;
  let behaviour: KeySetServer = 'drops the connection';
  let verify: TokenVerifier;
  let token: string;
  const logged: { level: 'warn' | 'info'; fields: Record<string, unknown>; message: string }[] = [];
  const log: OutageLog = {
    warn: (fields: Record<string, unknown>, message: string) =>
      logged.push({ level: 'warn', fields, message }),
    info: (fields: Record<string, unknown>, message: string) =>
      logged.push({ level: 'info', fields, message }),
  };

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((request, response) => {
      if (behaviour === 'drops the connection') request.socket.destroy();
      else if (behaviour === 'answers 503') response.writeHead(503).end('down for maintenance');
      else if (behaviour === 'answers 200 with a page') {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Đăng nhập</html>');
      } else if (behaviour === 'answers 200 with JSON that is no key set') {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: 'maintenance' }));
      } else if (behaviour === 'serves the keys') {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ keys: [publicJwk] }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    verify = createTokenVerifier(
      'a-gateway-secret-that-signs-nothing-here-0123',
      {
        keys: {
          jwksUrl: new URL(`http://127.0.0.1:${port}/jwks`),
          refetchCooldownMs: 0,
          fetchTimeoutMs: 200,
        },
        issuer,
        audience,
        claims: ownClaims,
      },
      undefined,
      log,
    );
    token = await providerToken(privateKey, 'k1', { issuer, audience });
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('refuses as unreachable in both languages, naming no cause, and logs the outage once', async () => {
    for (const met of [
      'drops the connection',
      'never answers',
      'answers 503',
      'answers 200 with a page',
      'answers 200 with JSON that is no key set',
    ] as const) {
      behaviour = met;
      const refusal = await verify(token).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal, met).toBeInstanceOf(IdentityProviderUnreachable);
      expect(refusal).toMatchObject({
        code: 'IDENTITY_PROVIDER_UNREACHABLE',
        message: "The identity provider's key set could not be fetched",
        messageVi: 'Không kiểm tra được mã xác thực: không lấy được bộ khóa của máy chủ định danh',
      });
    }
    // Five refusals, one line: at warn, with the cause of the first.
    expect(logged).toEqual([
      {
        level: 'warn',
        fields: {
          err: expect.any(Error) as Error,
          jwksUrl: expect.stringMatching(/\/jwks$/) as string,
        },
        message: expect.stringContaining('could not be fetched') as string,
      },
    ]);
    // Once the provider answers, its tokens pass again, and the end of the outage is told once.
    behaviour = 'serves the keys';
    expect(await verify(token)).toMatchObject({ role: 'UNIT', unitCode: 'ha-tinh' });
    expect(logged.map((entry) => entry.level)).toEqual(['warn', 'info']);
  });
});
