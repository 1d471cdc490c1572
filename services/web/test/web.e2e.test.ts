import { createGatewayService, type GatewayService } from '@thidua/gateway';
import { loadDemo } from '@thidua/infra';
import { readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDateTime } from '../src/format.ts';
import { walkthroughVariables } from '../../../test/support/readme-walkthrough.ts';
import {
  authSecret,
  eventually,
  startSystem,
  type RunningSystem,
} from '../../../test/support/system.ts';
import {
  buildWebApp,
  signInAs,
  startBrowser,
  untilRanked,
  type BrowserSession,
} from './browser-session.ts';

const output = new URL('../test-output/', import.meta.url);

interface Walkthrough {
  indicators: { code: string; value: string }[];
  selfScores: { criterion: string; score: string }[];
}

describe('the web app in a real browser against the whole system', () => {
  let system: RunningSystem;
  let production: GatewayService;
  let session: BrowserSession;
  // What the setup started, stopped in reverse order even when the setup failed part-way.
  const stops: (() => Promise<void>)[] = [];
  let origin: string;
  /** Before any submission of this run: the demo's own facts all lie earlier. */
  let startedAt: Date;

  beforeAll(async () => {
    buildWebApp();
    system = await startSystem();
    stops.push(() => system.stop());
    origin = new URL(system.gateway.url()).origin;
    expect(await loadDemo(system.gateway.db)).toBeGreaterThan(14);
    startedAt = new Date();
    // Every member of Cluster No. 2 of 2026 but Hà Tĩnh is ranked before the browser opens.
    await untilRanked(system, 'cum-2', '2026-FY', 8);
    production = createGatewayService(system.settings, {
      port: 0,
      development: false,
      authSecret,
    });
    await production.start();
    stops.push(() => production.stop());
    session = await startBrowser(origin, output);
    stops.push(() => session.close());
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  test('the gateway serves the app at / beside /graphql: pages, typed and cached assets', async () => {
    const page = await fetch(`${origin}/ky/cum-2/2026-FY/xep-hang`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${origin}${script ?? ''}`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The first screen's JavaScript, as sent compressed: within the 250 KB budget.
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    let sent = 0;
    for (const path of scripts) {
      const response = await fetch(`${origin}${path ?? ''}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      sent += Number(response.headers.get('content-length'));
    }
    process.stdout.write(`first screen's JavaScript: ${sent} bytes gzipped\n`);
    expect(sent).toBeGreaterThan(10_000);
    expect(sent).toBeLessThanOrEqual(250_000);
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });

  test('a production gateway serves the app but has no demo sign-in and mints no token', async () => {
    const base = new URL(production.url()).origin;
    expect((await fetch(`${base}/dev/identities`)).status).toBe(404);
    const minted = await fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ central: true }),
    });
    expect(minted.status).toBe(404);
    expect(await minted.text()).not.toMatch(/token/);
    expect((await fetch(`${base}/`)).headers.get('content-type')).toBe('text/html; charset=utf-8');
    // The development gateway of the same system does mint one.
    const development = await fetch(`${origin}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unitCode: 'ha-tinh' }),
    });
    expect(((await development.json()) as { token: string }).token.split('.')).toHaveLength(3);
  });

  test("a unit submits its results (a refused field shown at its place, then accepted) and the lead's open ranking changes without a reload", async () => {
    const lead = await session.openPage('/');
    await signInAs(lead, /Thanh Hóa$/);
    await lead.goto(`${origin}/ky/cum-2/2026-FY/xep-hang`);
    await lead.getByText('● Đang cập nhật trực tiếp').waitFor();
    await expect
      .poll(() => lead.locator('tr[data-unit="ha-tinh"]').getAttribute('class'))
      .toContain('not-submitted');
    await lead.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const unit = await session.openPage('/');
    await signInAs(unit, /Hà Tĩnh$/);
    await expect.poll(() => unit.getByTestId('who').textContent()).toContain('ha-tinh');
    await unit.getByRole('heading', { name: /Cụm thi đua số 2.*2026/ }).waitFor();
    await unit.getByRole('link', { name: 'Nộp báo cáo' }).first().click();
    await unit.getByRole('heading', { name: /Báo cáo kết quả/ }).waitFor();

    const values = walkthroughVariables('submitResults as ha-tinh') as unknown as Walkthrough;
    for (const { code, value } of values.indicators) {
      const field = unit.locator(`#field-indicators-${code}`);
      if ((await field.evaluate((element) => element.tagName)) === 'SELECT') {
        await field.selectOption(value);
      } else {
        // typed the Vietnamese way: a decimal comma
        await field.fill(value.replace('.', ','));
      }
    }
    for (const { criterion, score } of values.selfScores) {
      const over = criterion === '1.2' ? '9,00' : score.replace('.', ',');
      await unit.locator(`#field-selfScores-${criterion.replace(/\./g, '-')}`).fill(over);
    }
    await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const refusal = unit.locator('#field-selfScores-1-2-error');
    await refusal.waitFor();
    // The API's Vietnamese message, at the field it names; nothing else is marked.
    await expect.poll(() => refusal.textContent()).toMatch(/tối đa|vượt/i);
    expect(await unit.locator('.field-error').count()).toBe(1);
    expect(await unit.locator('#field-selfScores-1-2').getAttribute('aria-invalid')).toBe('true');
    await refusal.scrollIntoViewIfNeeded();
    await session.screenshot(unit, 'submission-refused.png', false);

    // The delay is timed on the machine's one clock: when the mutation's answer ended, when the
    // lead's page asked for the new ranking (the stream's event arrived), when its row changed.
    await lead.evaluate(() => {
      const marks = window as unknown as { rowChangedAt?: number };
      const observer = new MutationObserver(() => {
        const row = document.querySelector('tr[data-unit="ha-tinh"]');
        if (row !== null && !row.classList.contains('not-submitted')) {
          marks.rowChangedAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const refetches: number[] = [];
    lead.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.headers().accept === 'application/json') {
        refetches.push(Date.now());
      }
    });
    await unit.locator('#field-selfScores-1-2').fill('6,00');
    const answer = unit.waitForResponse((response) => response.url().endsWith('/graphql'));
    await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const timing = (await answer).request().timing();
    const answeredAt = timing.startTime + timing.responseEnd;
    await unit.getByText('Đã ghi nhận báo cáo phiên bản 1').waitFor();
    expect(await unit.locator('.field-error').count()).toBe(0);
    // Progress while scoring runs behind Kafka, then the new scorecard's total.
    await expect
      .poll(() => unit.getByTestId('scored').textContent())
      .toMatch(/^Tổng điểm \d+,\d\d/);
    await session.screenshot(unit, 'submission-accepted.png');

    await lead.locator('tr[data-unit="ha-tinh"]:not(.not-submitted) td.total').waitFor({
      timeout: 30_000,
    });
    const changedAt = await lead.evaluate(
      () => (window as unknown as { rowChangedAt?: number }).rowChangedAt ?? Number.NaN,
    );
    const askedAt = refetches.find((at) => at >= answeredAt) ?? Number.NaN;
    const delay = {
      totalMs: Math.round(changedAt - answeredAt),
      untilEventMs: Math.round(askedAt - answeredAt),
      reloadAndRenderMs: Math.round(changedAt - askedAt),
    };
    process.stdout.write(
      `ranking change on the open page after the answer: ${JSON.stringify(delay)}\n`,
    );
    writeFileSync(new URL('ranking-delay.json', output), `${JSON.stringify(delay, null, 2)}\n`);
    expect(delay.totalMs).toBeGreaterThan(0);
    expect(
      await lead.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    const ranks = await lead.locator('tbody td.rank').allTextContents();
    expect(ranks.filter((r) => r !== '')).toHaveLength(9);
    await expect.poll(() => lead.locator('.banner').textContent()).toMatch(/tạm thời/);
    await session.screenshot(lead, 'ranking-live.png');
    // Printed, the ranking keeps its table and banner and drops the page's controls.
    await lead.emulateMedia({ media: 'print' });
    expect(await lead.locator('header.top').isVisible()).toBe(false);
    expect(await lead.locator('form.as-of').isVisible()).toBe(false);
    expect(await lead.locator('table.standings').isVisible()).toBe(true);
    expect(await lead.locator('.banner').isVisible()).toBe(true);
    await session.screenshot(lead, 'ranking-print.png');
    await lead.emulateMedia({ media: 'screen' });

    await unit.getByRole('link', { name: 'xem bảng điểm' }).click();
    await unit.getByRole('heading', { name: /Bảng điểm/ }).waitFor();
    await unit.locator('table.criteria tbody tr').first().waitFor();
    expect(await unit.locator('table.criteria').textContent()).toContain('1.2');
    await session.screenshot(unit, 'scorecard.png');
  });

  test('the lead reviews a self-score with a reason from the ranking, and the unit sees the reviewed score on its scorecard', async () => {
    const lead = await session.openPage('/');
    await signInAs(lead, /Thanh Hóa$/);
    await lead.goto(`${origin}/ky/cum-2/2026-FY/xep-hang`);
    await lead.locator('tr[data-unit="ha-tinh"] a').click();
    const row = lead.locator('tr[data-criterion="1.2"]');
    await row.getByLabel('Điểm thẩm định').fill('5,00');
    // Without a reason the API refuses, and says why in Vietnamese.
    await row.getByRole('button', { name: 'Thẩm định' }).click();
    await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/[ăâđêôơưạảấầẩẫậ]/);
    await row.getByLabel('Lý do').fill('Chưa đủ minh chứng cho toàn bộ văn bản tham mưu');
    await row.getByRole('button', { name: 'Thẩm định' }).click();
    await expect
      .poll(() => row.locator('td.number').textContent(), { timeout: 30_000 })
      .toBe('5,00 / 6,00');
    expect(await row.textContent()).toContain('Điểm thẩm định');
    await session.screenshot(lead, 'review.png');

    const unit = await session.openPage('/');
    await signInAs(unit, /Hà Tĩnh$/);
    await unit.goto(`${origin}/ky/cum-2/2026-FY/bang-diem/ha-tinh`);
    const own = unit.locator('tr[data-criterion="1.2"]');
    await expect.poll(() => own.locator('td.number').textContent()).toBe('5,00 / 6,00');
    expect(await own.locator('.inputs').textContent()).toMatch(/Điểm dùng\s*thẩm định/);
    // A unit reviews nobody, least of all itself.
    expect(await unit.locator('form.review').count()).toBe(0);
  });

  test('the lead sees a far-off value flagged on the period overview, returns the submission and reviews the value; the unit sees both on its scorecard', async () => {
    // Hà Tĩnh's figures again, but 4 900 cadres planned where its rivals report a few hundred.
    const values = walkthroughVariables('submitResults as ha-tinh') as unknown as Walkthrough;
    const { data: resubmitted } = await system.graphql(
      `mutation($indicators: [IndicatorValueInput!]!, $selfScores: [SelfScoreInput!]!) {
         submitResults(unitCode: "ha-tinh", periodId: "2026-FY", indicators: $indicators,
           selfScores: $selfScores) { __typename } }`,
      {
        indicators: values.indicators.map((i) =>
          i.code === 'cadresPlanned' ? { ...i, value: '4900' } : i,
        ),
        selfScores: values.selfScores,
      },
      'ha-tinh',
    );
    expect(resubmitted).toEqual({ submitResults: { __typename: 'SubmissionAccepted' } });
    await eventually(async () => {
      const { data } = await system.graphql(
        '{ flaggedValues(cluster: "cum-2", period: "2026-FY") { unitCode indicator } }',
      );
      const flagged = (data as { flaggedValues: { unitCode: string; indicator: string }[] })
        .flaggedValues;
      return flagged.some((f) => f.unitCode === 'ha-tinh' && f.indicator === 'cadresPlanned')
        ? true
        : undefined;
    });

    const lead = await session.openPage('/');
    await signInAs(lead, /Thanh Hóa$/);
    await lead.goto(`${origin}/ky/cum-2/2026-FY/tong-quan`);
    const flag = lead.locator('tr[data-flag="cadresPlanned"]');
    await expect.poll(() => flag.textContent()).toMatch(/ha-tinh.*4\.900/);
    await session.screenshot(lead, 'flagged-values.png');

    // Returned for explanation, with a reason; without one the API refuses in Vietnamese.
    await flag.getByRole('button', { name: 'Trả lại để giải trình' }).click();
    await expect.poll(() => flag.getByRole('alert').textContent()).toMatch(/[ăâđêôơưạảấầẩẫậ]/);
    await flag.getByLabel('Lý do').fill('Đề nghị giải trình số cán bộ được quy hoạch');
    await flag.getByRole('button', { name: 'Trả lại để giải trình' }).click();
    await lead.getByText('Đã trả báo cáo của ha-tinh để giải trình').waitFor();

    // Reviewed to the figure of the walkthrough, with a reason.
    await flag.getByLabel('Giá trị thẩm định').fill('311');
    await flag.getByLabel('Lý do').fill('Theo nghị quyết quy hoạch đã phê duyệt: 311 cán bộ');
    await flag.getByRole('button', { name: 'Thẩm định số liệu' }).click();
    await lead.getByText('Đã thẩm định cadresPlanned của ha-tinh').waitFor();

    const unit = await session.openPage('/');
    await signInAs(unit, /Hà Tĩnh$/);
    await unit.goto(`${origin}/ky/cum-2/2026-FY/bang-diem/ha-tinh`);
    const reviewed = unit.locator('table.reviewed-indicators tr[data-indicator="cadresPlanned"]');
    await expect
      .poll(() => reviewed.locator('.reviewed').textContent(), { timeout: 30_000 })
      .toBe('311');
    expect(await reviewed.locator('.submitted').textContent()).toBe('4.900');
    expect(await reviewed.locator('.reason').textContent()).toBe(
      'Theo nghị quyết quy hoạch đã phê duyệt: 311 cán bộ',
    );
    expect(await unit.locator('.banner.returned').textContent()).toMatch(
      /trả lại để giải trình.*Đề nghị giải trình số cán bộ được quy hoạch/,
    );
    await session.screenshot(unit, 'scorecard-reviewed.png');
  });

  test("a unit that opens another cluster's ranking sees the API's refusal in Vietnamese", async () => {
    const unit = await session.openPage('/');
    await signInAs(unit, /Hà Tĩnh$/);
    await unit.goto(`${origin}/ky/cum-1/2023-H1/xep-hang`);
    const alert = unit.getByRole('alert');
    await alert.waitFor();
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Không có quyền truy cập.*Bạn không được xem `ranking` với các tham số này/);
    expect(await alert.textContent()).not.toMatch(/with these arguments/);
    expect(await unit.locator('table.standings').count()).toBe(0);
    expect(await unit.locator('.banner').count()).toBe(0);
    await session.screenshot(unit, 'ranking-refused.png');
  });

  test("a closed period's ranking is official; an open one shows how it stood at an earlier moment", async () => {
    const board = await session.openPage('/');
    await signInAs(board, /Ban Tổ chức Trung ương/);
    await board.goto(`${origin}/ky/cum-2/2023-H1/xep-hang`);
    await expect.poll(() => board.locator('.banner').textContent()).toMatch(/chính thức/);
    await board.locator('table.standings tbody tr').first().waitFor();

    // Cluster No. 2 of 2026 as it stood before Hà Tĩnh's submission of this run: eight ranked.
    await board.goto(`${origin}/ky/cum-2/2026-FY/xep-hang`);
    await expect.poll(() => board.locator('.banner').textContent()).toMatch(/tạm thời/);
    await expect.poll(() => board.locator('tr:not(.not-submitted) td.total').count()).toBe(9);
    const now = Number(await board.getByTestId('revision').textContent());
    const moment = formatDateTime(startedAt.toISOString());
    await board.locator('#as-of').fill(moment);
    await board.getByRole('button', { name: 'Xem', exact: true }).click();
    await board.getByText(`Đang xem thứ hạng lúc ${moment}`).waitFor();
    await expect
      .poll(async () => Number(await board.getByTestId('revision').textContent()))
      .toBeLessThan(now);
    expect(await board.locator('tr:not(.not-submitted) td.total').count()).toBe(8);
    expect(await board.locator('tr.not-submitted').getAttribute('data-unit')).toBe('ha-tinh');
    await session.screenshot(board, 'ranking-as-of.png');
    // Back to the present, and the live ranking again.
    await board.getByRole('button', { name: 'Hiện tại' }).click();
    await expect.poll(() => board.locator('tr:not(.not-submitted) td.total').count()).toBe(9);
  });

  test('the lead sees who reported on time, late or not at all; the board rolls a period up over every cluster', async () => {
    const lead = await session.openPage('/');
    await signInAs(lead, /Hà Tĩnh$/);
    // Hà Tĩnh led Cluster No. 2 in 2023: its home offers the period overview.
    await lead.getByRole('heading', { name: /Cụm thi đua số 2.*2023/ }).waitFor();
    await lead
      .getByRole('region', { name: 'cum-2 2023' })
      .getByRole('row', { name: /Cả năm 2023/ })
      .getByRole('link', { name: 'Tổng quan' })
      .click();
    await lead.getByRole('heading', { name: /Tình hình nộp báo cáo · Cả năm 2023/ }).waitFor();
    // The units' rows, not the flagged values' table below them.
    await lead.locator('tr[data-unit]').first().waitFor();
    expect(await lead.locator('tr[data-unit]').count()).toBe(14);
    expect(await lead.locator('tr.standing-late').count()).toBe(1);
    expect(await lead.locator('tr.standing-missing').count()).toBe(1);
    expect(await lead.locator('tr.standing-on_time').count()).toBe(12);
    await session.screenshot(lead, 'period-overview.png');

    const board = await session.openPage('/');
    await signInAs(board, /Ban Tổ chức Trung ương/);
    await board.getByRole('combobox', { name: 'Năm' }).selectOption('2023');
    await board.getByRole('link', { name: 'Tổng hợp 6 tháng đầu năm 2023' }).click();
    const overall = board.locator('tr[data-cluster="all"] td.number').first();
    await expect.poll(() => overall.textContent()).toBe('37');
    expect(await board.locator('tbody tr[data-cluster]').count()).toBe(4);
    await session.screenshot(board, 'summary.png');
  });

  test("the central board decides an award line, and the cluster's award sheet shows it to the lead", async () => {
    const decided = walkthroughVariables('decideAward as the central board') as Record<
      string,
      string
    >;
    const board = await session.openPage('/');
    await signInAs(board, /Ban Tổ chức Trung ương/);
    await board.getByRole('combobox', { name: 'Năm' }).selectOption('2023');
    await board
      .getByRole('region', { name: 'cum-2 2023' })
      .getByRole('link', { name: 'Khen thưởng năm 2023' })
      .click();
    const line = board.locator(`tr[data-unit="${decided.unitCode ?? ''}"]`);
    await expect.poll(() => line.locator('.decided').textContent()).toBe('Chưa quyết định');
    await board.getByLabel('Đơn vị').selectOption(decided.unitCode ?? '');
    await board.getByLabel('Quyết định', { exact: true }).selectOption(decided.decision ?? '');
    await board.getByLabel('Hình thức khen thưởng').selectOption(decided.award ?? '');
    await board.getByLabel('Lý do').fill(decided.reason ?? '');
    await board.getByLabel('Số quyết định').fill(decided.decisionNumber ?? '');
    await board.getByLabel('Ngày quyết định').fill('15/01/2024');
    await board.getByLabel('Người ký').fill(decided.signer ?? '');
    await board.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect
      .poll(() => line.locator('.granted').textContent(), { timeout: 30_000 })
      .toBe('Cờ thi đua');
    expect(await line.locator('.decided').textContent()).toContain(
      'Phê duyệt · số 15/QĐ-BTCTW ngày 15/01/2024 · Trưởng ban',
    );
    await session.screenshot(board, 'awards.png');

    const lead = await session.openPage('/');
    await signInAs(lead, /Hà Tĩnh$/);
    await lead.goto(`${origin}/khen-thuong/cum-2/2023`);
    const seen = lead.locator(`tr[data-unit="${decided.unitCode ?? ''}"] .granted`);
    await expect.poll(() => seen.textContent()).toBe('Cờ thi đua');
    // Only the central board decides.
    expect(await lead.getByRole('button', { name: 'Ghi quyết định' }).count()).toBe(0);
  });

  test('no page visited logged a console error', () => {
    expect(readdirSync(output)).toContain('ranking-live.png');
    expect(session.consoleErrors).toEqual([]);
  });
});
