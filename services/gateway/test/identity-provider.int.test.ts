import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGatewayService, type GatewayService } from '../src/gateway-service.ts';
import { testSettings } from '../../../test/support/database.ts';

// A real OpenID provider (oidc-provider) issues JWT access tokens by the client credentials grant,
// with the organisation's own claims: `don_vi` names the unit, `vai_tro` lists roles, of which
// `ban-to-chuc-trung-uong` is the central board. The gateway knows only its key set's address,
// the issuer, the audience and those claim names.
const audience = 'https://thidua.example.vn/api';
const claims = { unit: 'don_vi', role: 'vai_tro', centralRole: 'ban-to-chuc-trung-uong' };
const clientClaims: Record<string, Record<string, unknown>> = {
  'ha-tinh-portal': { don_vi: 'ha-tinh', vai_tro: ['can-bo'] },
  'board-portal': { vai_tro: ['can-bo', 'ban-to-chuc-trung-uong'] },
  'misnamed-portal': { don_vi: 'Hà Tĩnh' },
  'central-unit-portal': { don_vi: 'central' },
};
const clientSecret = 'a-client-secret-for-the-test-only-0123456789';

const signingKey = async (kid: string) => {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
};

/** The provider as configured with these signing keys; it signs with the first. */
function openIdProvider(issuer: string, keys: JWK[]): Provider {
  return new Provider(issuer, {
    clients: Object.keys(clientClaims).map((clientId) => ({
      client_id: clientId,
      client_secret: clientSecret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'ES256',
    })),
    jwks: { keys },
    ttl: { ClientCredentials: 600 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'thidua',
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    extraTokenClaims: (_context, token) =>
      'clientId' in token && typeof token.clientId === 'string'
        ? clientClaims[token.clientId]
        : undefined,
  });
}

interface Discovery {
  issuer: string;
  token_endpoint: string;
  jwks_uri: string;
}

describe("an OpenID provider's tokens, verified through its key set", () => {
  let server: Server;
  let issuer: string;
  let provider: Provider;
  let gateway: GatewayService;
  let discovery: Discovery;
  const firstKey = signingKey('thidua-2026-1');
  const secondKey = signingKey('thidua-2026-2');

  /** An access token the provider issues to the client (its header's `kid` names the key). */
  const accessToken = async (clientId: string): Promise<string> => {
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        resource: audience,
      }),
    });
    const body = (await response.json()) as { access_token?: string; error?: string };
    if (body.access_token === undefined) throw new Error(`no token: ${JSON.stringify(body)}`);
    return body.access_token;
  };

  const keyIdOf = (token: string) =>
    (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid: string })
      .kid;

  const me = async (token: string) => {
    const response = await fetch(gateway.url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { subject central unitCode } }' }),
    });
    return (await response.json()) as {
      data?: { me: { subject: string; central: boolean; unitCode: string | null } } | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };

  /** A file route's answer, whose refusals carry `message` and `messageVi` apart. */
  const rankingSheet = async (token: string) => {
    const url = new URL('/exports/ranking.xlsx?cluster=cum-2&period=2026-FY', gateway.url());
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      body: (await response.json()) as {
        error?: { code: string; message: string; messageVi: string };
      },
    };
  };

  beforeAll(async () => {
    // One address for the provider throughout; rotating its keys swaps the provider behind it,
    // as a provider reloading its configuration would.
    server = createServer((request, response) => {
      void provider.callback()(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no provider address');
    issuer = `http://127.0.0.1:${address.port}`;
    provider = openIdProvider(issuer, [await firstKey]);
    discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as Discovery;

    gateway = createGatewayService(testSettings(), {
      port: 0,
      development: false,
      authSecret: 'a-gateway-secret-that-signs-nothing-here-0123',
      identityProvider: {
        keys: { jwksUrl: new URL(discovery.jwks_uri), refetchCooldownMs: 500 },
        issuer: discovery.issuer,
        audience,
        claims,
      },
    });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("names a unit by the provider's unit claim, and the central board by its role claim", async () => {
    const unit = await accessToken('ha-tinh-portal');
    expect(keyIdOf(unit)).toBe('thidua-2026-1');
    expect(await me(unit)).toEqual({
      data: { me: { subject: 'ha-tinh-portal', central: false, unitCode: 'ha-tinh' } },
    });
    expect(await me(await accessToken('board-portal'))).toEqual({
      data: { me: { subject: 'board-portal', central: true, unitCode: null } },
    });
  });

  test('refuses a unit claim that is not a unit code, "central" included', async () => {
    for (const clientId of ['misnamed-portal', 'central-unit-portal']) {
      const answer = await me(await accessToken(clientId));
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  test('accepts tokens of a new key after the provider rotates, without a restart', async () => {
    const before = await accessToken('ha-tinh-portal');
    expect((await me(before)).data?.me.unitCode).toBe('ha-tinh');
    // Past the refetch cooldown, the provider now signs with a new key and still publishes the
    // old one for the tokens it issued before.
    await new Promise((resolve) => setTimeout(resolve, 600));
    provider = openIdProvider(issuer, [await secondKey, await firstKey]);
    const after = await accessToken('ha-tinh-portal');
    expect(keyIdOf(after)).toBe('thidua-2026-2');
    expect(await me(after)).toEqual({
      data: { me: { subject: 'ha-tinh-portal', central: false, unitCode: 'ha-tinh' } },
    });
    expect((await me(before)).data?.me.unitCode).toBe('ha-tinh');
  });

  test("refuses, in English and Vietnamese, a token of the provider's key from another issuer or for another audience", async () => {
    // Signed with a private key the provider publishes, so only the claims can refuse them.
    const privateKey = await firstKey;
    const forged = (claimed: { iss: string; aud: string }) =>
      new SignJWT({ don_vi: 'ha-tinh' })
        .setProtectedHeader({ alg: 'ES256', kid: privateKey.kid })
        .setSubject('ha-tinh-portal')
        .setIssuer(claimed.iss)
        .setAudience(claimed.aud)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    const genuine = await forged({ iss: issuer, aud: audience });
    expect((await me(genuine)).data?.me.unitCode).toBe('ha-tinh');

    for (const token of [
      await forged({ iss: 'https://idp.other.example', aud: audience }),
      await forged({ iss: issuer, aud: 'https://other-api.example' }),
    ]) {
      const answer = await me(token);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/sign in.*Đăng nhập/) as string,
          extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) as object,
        }),
      ]);
      expect(await rankingSheet(token)).toEqual({
        status: 401,
        body: {
          error: expect.objectContaining({
            code: 'UNAUTHENTICATED',
            message: expect.stringMatching(/^sign in/) as string,
            messageVi: expect.stringMatching(/^Đăng nhập/) as string,
          }) as object,
        },
      });
    }
  });
});
