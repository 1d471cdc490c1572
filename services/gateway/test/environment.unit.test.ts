import { ConfigurationError } from '@thidua/kit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { gatewayEnvironment } from '../src/environment.ts';

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
