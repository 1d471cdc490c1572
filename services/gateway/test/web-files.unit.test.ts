import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWebFiles } from '../src/web-files.ts';

describe('the web app files the gateway serves', () => {
  let parent: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'thidua-web-files-'));
    const root = join(parent, 'dist') + sep;
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>thidua</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("thidua");'.repeat(50));
    // A file beside the app's folder that no request may reach.
    writeFileSync(join(parent, 'secret.txt'), 'not for the web');
    const web = createWebFiles({ root, db: null as never, developmentToken: null });
    server = createServer((request, response) => {
      if (!web(request, response)) response.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(parent, { recursive: true, force: true });
  });

  test('page paths answer index.html, never cached; hashed assets are immutable and gzipped', async () => {
    const page = await fetch(`${base}/ky/cum-2/2026-FY/xep-hang`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>thidua</title>');

    // Read the bytes as sent: fetch would decompress them.
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        get(
          `${base}/assets/index-abc123.js`,
          { headers: { 'accept-encoding': 'gzip' } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
            );
          },
        ).on('error', reject);
      },
    );
    expect(raw.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(raw.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toContain('console.log("thidua");');
    expect(raw.body.length).toBeLessThan(200);
  });

  test('a missing asset is 404, and no path reaches outside the app folder', async () => {
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text(), path).not.toContain('not for the web');
    }
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(404);
  });

  test('GraphQL and the health checks pass through; without development there is no sign-in', async () => {
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
    expect((await fetch(`${base}/healthz`)).status).toBe(418);
    expect((await fetch(`${base}/dev/identities`)).status).toBe(404);
    const minted = await fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"central": true}',
    });
    expect(minted.status).toBe(404);
  });
});

describe('the development sign-in', () => {
  let server: Server;
  let base: string;
  const minted: unknown[] = [];

  beforeAll(async () => {
    const web = createWebFiles({
      db: null as never,
      developmentToken: (who) => {
        minted.push(who);
        return Promise.resolve('header.payload.signature');
      },
    });
    server = createServer((request, response) => {
      if (!web(request, response)) response.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const ask = (body: string) =>
    fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  test('refuses "central" as a unit code with a reason in English and Vietnamese, minting nothing', async () => {
    const refused = await ask('{"unitCode": "central"}');
    expect(refused.status).toBe(400);
    const reason = (await refused.json()) as { message: string; messageVi: string };
    expect(reason.message).toMatch(/reserved for a role.*\{"central": true\}/);
    expect(reason.messageVi).toMatch(/không phải mã đơn vị.*Ban Tổ chức Trung ương/);
    const malformed = await ask('{"unitCode": "Hà Tĩnh"}');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { messageVi: string }).messageVi).toBe(
      '"Hà Tĩnh" không phải mã đơn vị, ví dụ ha-tinh',
    );
    expect(minted).toEqual([]);
  });

  test('mints for a unit code or the central board', async () => {
    expect((await ask('{"unitCode": "ha-tinh"}')).status).toBe(200);
    expect((await ask('{"central": true}')).status).toBe(200);
    expect(minted).toEqual([{ unitCode: 'ha-tinh' }, { central: true }]);
  });
});
