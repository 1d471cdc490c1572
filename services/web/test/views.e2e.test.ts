import { loadDemo } from '@thidua/infra';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startSystem, type RunningSystem } from '../../../test/support/system.ts';

const webRoot = new URL('..', import.meta.url);
const output = new URL('../test-output/views/', import.meta.url);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app as the gateway serves it: built fresh, so the test never runs an old bundle. */
function buildWebApp(): void {
  execFileSync(
    process.execPath,
    ['../../node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    {
      cwd: webRoot,
      // vitest sets NODE_ENV=test, which would build React's development bundle
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
}

describe('charts, the matrix, versions and history in a real browser against the whole system', () => {
  let system: RunningSystem;
  let browser: Browser;
  const stops: (() => Promise<void>)[] = [];
  let origin: string;
  const consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  /** Every script the pages fetched, by page path. */
  const scripts = new Map<string, string[]>();

  async function openPage(path: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 768 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    page.on('request', (request) => {
      if (request.resourceType() !== 'script') return;
      const path = new URL(page.url()).pathname;
      scripts.set(path, [...(scripts.get(path) ?? []), new URL(request.url()).pathname]);
    });
    await page.goto(`${origin}${path}`);
    return page;
  }

  async function signInAs(page: Page, name: RegExp): Promise<void> {
    await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
    await page.getByRole('button', { name }).click();
    await page.getByTestId('who').waitFor();
  }

  const screenshot = (page: Page, name: string, fullPage = true) =>
    page.screenshot({ path: new URL(name, output).pathname, fullPage });

  /** Waits until the named chart is drawn; its SVG. */
  async function drawnChart(page: Page, name: string) {
    const figure = page.locator(`figure[data-chart="${name}"]`);
    await expect.poll(() => figure.getAttribute('data-state'), { timeout: 20_000 }).toBe('drawn');
    return figure.locator('svg');
  }

  beforeAll(async () => {
    buildWebApp();
    mkdirSync(output, { recursive: true });
    system = await startSystem();
    stops.push(() => system.stop());
    origin = new URL(system.gateway.url()).origin;
    expect(await loadDemo(system.gateway.db)).toBeGreaterThan(14);
    await eventually(async () => {
      const { data } = await system.graphql(
        '{ ranking(cluster: "cum-2", period: "2026-FY") { entries { status } } }',
      );
      const entries = (data as { ranking: { entries: { status: string }[] } | null }).ranking
        ?.entries;
      return entries?.filter((e) => e.status === 'RANKED').length === 8 ? true : undefined;
    });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--lang=vi',
      ],
    });
    stops.push(() => browser.close());
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    for (const stop of stops.reverse()) await stop();
  });

  test("the lead's ranking draws each unit's total across the ranking's revisions; the home page loads no chart code", async () => {
    const lead = await openPage('/');
    await signInAs(lead, /Thanh Hóa$/);
    await lead.goto(`${origin}/ky/cum-2/2026-FY/xep-hang`);
    await lead.locator('table.standings tbody tr').first().waitFor();
    const svg = await drawnChart(lead, 'revisions');
    const revision = Number(await lead.getByTestId('revision').textContent());
    const caption = await lead.locator('figure[data-chart="revisions"] figcaption').textContent();
    expect(caption).toContain(`đến ${revision})`);
    // A line per ranked unit, named in the legend.
    const ranked = await lead.locator('tr:not(.not-submitted) td.total').count();
    expect(ranked).toBe(8);
    const text = await svg.textContent();
    for (const name of await lead
      .locator('tr:not(.not-submitted) td:nth-child(2)')
      .allTextContents()) {
      expect(text).toContain(name);
    }
    expect(text).toContain(`Lần ${revision}`);
    await screenshot(lead, 'ranking-revisions.png');
    expect((scripts.get('/') ?? []).some((path) => path.includes('echarts'))).toBe(false);
    expect(
      (scripts.get('/ky/cum-2/2026-FY/xep-hang') ?? []).some((path) => path.includes('echarts')),
    ).toBe(true);
  });

  test("the central board's summary charts the spread of totals, classifications, deadlines and indicator totals per cluster", async () => {
    const board = await openPage('/');
    await signInAs(board, /Ban Tổ chức Trung ương/);
    await board.goto(`${origin}/tong-hop/2023-H1`);
    await expect
      .poll(() => board.locator('tr[data-cluster="all"] td.number').first().textContent())
      .toBe('37');
    for (const name of ['distribution', 'classifications', 'deadlines', 'indicators']) {
      const svg = await drawnChart(board, name);
      expect(await svg.locator('path').count()).toBeGreaterThan(3);
    }
    const legend = await (await drawnChart(board, 'deadlines')).textContent();
    expect(legend).toMatch(/Đúng hạn.*Nộp muộn.*Chưa nộp/);
    const clusters = await board
      .locator('tbody tr[data-cluster]:not([data-cluster="all"])')
      .count();
    expect(clusters).toBe(3);
    await screenshot(board, 'summary-charts.png');
  });

  test('no page visited logged a console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
