import { ConfigurationError } from '@thidua/kit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { gatewayEnvironment, identityProviderOf } from '../src/environment.ts';

describe('the gateway settings for browsers and slow clients', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test('allow no other origin and bound clients by default', () => {
    vi.stubEnv('CORS_ORIGINS', undefined);
    const env = gatewayEnvironment();
    expect(env.CORS_ORIGINS).toEqual([]);
    expect([
      env.GATEWAY_HEADERS_TIMEOUT_MS,
      env.GATEWAY_REQUEST_TIMEOUT_MS,
      env.GATEWAY_KEEP_ALIVE_TIMEOUT_MS,
    ]).toEqual([10_000, 30_000, 5_000]);
  });

  test('read CORS_ORIGINS as a comma-separated list of origins', () => {
    vi.stubEnv('CORS_ORIGINS', 'https://thidua.example.vn, http://localhost:5173,');
    expect(gatewayEnvironment().CORS_ORIGINS).toEqual([
      'https://thidua.example.vn',
      'http://localhost:5173',
    ]);
  });

  test.each([
    'https://thidua.example.vn/',
    'https://thidua.example.vn/app',
    '*',
    'thidua.example.vn',
  ])('refuse %s as an origin', (origin) => {
    vi.stubEnv('CORS_ORIGINS', origin);
    expect(() => gatewayEnvironment()).toThrow(ConfigurationError);
  });

  test('refuse a header timeout longer than the request timeout', () => {
    vi.stubEnv('GATEWAY_HEADERS_TIMEOUT_MS', '40000');
    vi.stubEnv('GATEWAY_REQUEST_TIMEOUT_MS', '30000');
    expect(() => gatewayEnvironment()).toThrow(/must not exceed GATEWAY_REQUEST_TIMEOUT_MS/);
  });
});

describe("the gateway settings for an organisation's identity provider", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const provider = {
    AUTH_JWKS_URL: 'https://idp.example.vn/realms/thidua/protocol/openid-connect/certs',
    AUTH_ISSUER: 'https://idp.example.vn/realms/thidua',
    AUTH_AUDIENCE: 'thidua-api',
  };
  const stub = (settings: Record<string, string>) => {
    for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  };

  test('name the key set, issuer, audience and claims the tokens are read by', () => {
    stub({ ...provider, AUTH_UNIT_CLAIM: 'don_vi', AUTH_ROLE_CLAIM: 'groups' });
    expect(identityProviderOf(gatewayEnvironment())).toEqual({
      keys: { jwksUrl: new URL(provider.AUTH_JWKS_URL) },
      issuer: provider.AUTH_ISSUER,
      audience: provider.AUTH_AUDIENCE,
      claims: { unit: 'don_vi', role: 'groups', centralRole: 'central' },
    });
  });

  test('without a provider, the shared secret verifies tokens', () => {
    vi.stubEnv('AUTH_JWKS_URL', undefined);
    vi.stubEnv('AUTH_PUBLIC_KEY', undefined);
    expect(identityProviderOf(gatewayEnvironment())).toBeUndefined();
  });

  test('refuse a key set without its issuer and audience', () => {
    stub({ AUTH_JWKS_URL: provider.AUTH_JWKS_URL });
    expect(() => gatewayEnvironment()).toThrow(
      /AUTH_ISSUER: required with AUTH_JWKS_URL[^]*AUTH_AUDIENCE: required with AUTH_JWKS_URL/,
    );
  });

  test('refuse a public key and a key set together, and a plain-HTTP key set in production', () => {
    stub({ ...provider, AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\n…' });
    expect(() => gatewayEnvironment()).toThrow(/either AUTH_PUBLIC_KEY or AUTH_JWKS_URL/);
    vi.unstubAllEnvs();
    stub({ ...provider, AUTH_JWKS_URL: 'http://idp.example.vn/certs', NODE_ENV: 'production' });
    expect(() => gatewayEnvironment()).toThrow(/must be an https address in production/);
  });
});
