/**
 * What the web app's browser tests share: the app built fresh, Chromium launched with the
 * project's flags, pages in Vietnamese at Hanoi time that record console errors, the demo
 * sign-in, screenshots, and the wait for a cluster's ranking.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { eventually, type RunningSystem } from '../../../test/support/system.ts';

const webRoot = new URL('..', import.meta.url);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app as the gateway serves it: built fresh, so a test never runs an old bundle. */
export function buildWebApp(): void {
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

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** signed in through the session's token before the page loads */
  token?: string;
}

export interface BrowserSession {
  /** Every console error and uncaught exception of every page, with the page's address. */
  consoleErrors: string[];
  /** A new page (its own context) at `path` of the app. */
  openPage: (path: string, options?: PageOptions) => Promise<Page>;
  /** Saves a screenshot under the session's output folder. */
  screenshot: (page: Page, name: string, fullPage?: boolean) => Promise<Buffer>;
  /** Closes every page's context, then the browser. */
  close: () => Promise<void>;
}

/**
 * Launches Chromium headless against the app at `origin`; screenshots go to `output` (created).
 * `onPage` sees each page before it loads, to listen to its requests or navigations.
 */
export async function startBrowser(
  origin: string,
  output: URL,
  onPage: (page: Page) => void = () => {},
): Promise<BrowserSession> {
  mkdirSync(output, { recursive: true });
  const browser: Browser = await chromium.launch({
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
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  return {
    consoleErrors,
    async openPage(path, { viewport = { width: 1366, height: 768 }, token } = {}) {
      const context = await browser.newContext({
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport,
      });
      contexts.push(context);
      if (token !== undefined) {
        await context.addInitScript((signed) => {
          sessionStorage.setItem('thidua.token', signed);
        }, token);
      }
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
      onPage(page);
      await page.goto(`${origin}${path}`);
      return page;
    },
    screenshot: (page, name, fullPage = true) =>
      page.screenshot({ path: new URL(name, output).pathname, fullPage }),
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}

/** Signs in from the development page's list of demo identities. */
export async function signInAs(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
  await page.getByRole('button', { name }).click();
  await page.getByTestId('who').waitFor();
}

/** Waits until `count` units of the cluster's period are ranked. */
export async function untilRanked(
  system: RunningSystem,
  cluster: string,
  period: string,
  count: number,
): Promise<void> {
  await eventually(async () => {
    const { data } = await system.graphql(
      `{ ranking(cluster: "${cluster}", period: "${period}") { entries { status } } }`,
    );
    const entries = (data as { ranking: { entries: { status: string }[] } | null }).ranking
      ?.entries;
    return entries?.filter((e) => e.status === 'RANKED').length === count ? true : undefined;
  });
}
