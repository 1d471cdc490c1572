import {
  createGatewayService,
  loadPersistedOperations,
  type GatewayService,
} from '@thidua/gateway';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authSecret, startSystem, tokenFor, type RunningSystem } from '../support/system.ts';

const hashOf = (name: string): string => {
  const found = [...loadPersistedOperations()].find(([, op]) => op.name === name);
  if (found === undefined) throw new Error(`no persisted operation ${name}`);
  return found[0];
};

const post = async (url: string, body: Record<string, unknown>) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor('ha-tinh')}`,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
};

const byHash = (hash: string, variables: Record<string, unknown> = {}) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

describe('persisted operations', () => {
  let system: RunningSystem;
  let locked: GatewayService;

  beforeAll(async () => {
    system = await startSystem();
    locked = createGatewayService(system.settings, {
      port: 0,
      development: false,
      authSecret,
      persistedOperationsOnly: true,
    });
    await locked.start();
  });

  afterAll(async () => {
    await locked.stop();
    await system.stop();
  });

  test('a gateway in persisted-only mode runs a known operation sent by its sha256', async () => {
    const body = await post(locked.url(), byHash(hashOf('Me')));
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ me: { unitCode: 'ha-tinh', central: false } });
  });

  test('a gateway in persisted-only mode refuses any other document', async () => {
    const body = await post(locked.url(), { query: '{ me { unitCode } }' });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toBe('PersistedQueryOnly');
  });

  test('an unknown hash is refused as not found', async () => {
    const body = await post(locked.url(), byHash('0'.repeat(64)));
    expect(body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
  });

  test('an ordinary gateway takes both documents and hashes', async () => {
    const variables = { code: 'no-such-unit' };
    const byDocument = await post(system.gateway.url(), {
      query: 'query ($code: String!) { unit(code: $code) { code } }',
      variables,
    });
    const byPersisted = await post(system.gateway.url(), byHash(hashOf('Unit'), variables));
    expect(byDocument).toEqual({ data: { unit: null } });
    expect(byPersisted).toEqual({ data: { unit: null } });
  });
});
