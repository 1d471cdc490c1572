import { loadDemo } from '@thidua/infra';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { walkthroughVariables } from '../../../test/support/readme-walkthrough.ts';
import {
  eventually,
  startSystem,
  tokenFor,
  type RunningSystem,
} from '../../../test/support/system.ts';
import {
  buildWebApp,
  signInAs,
  startBrowser,
  untilRanked,
  type BrowserSession,
} from './browser-session.ts';

const output = new URL('../test-output/views/', import.meta.url);

describe('charts, the matrix, versions and history in a real browser against the whole system', () => {
  let system: RunningSystem;
  let session: BrowserSession;
  const stops: (() => Promise<void>)[] = [];
  let origin: string;
  /** Every script the pages fetched, by page path. */
  const scripts = new Map<string, string[]>();

  /** Waits until the named chart is drawn; its SVG. */
  async function drawnChart(page: Page, name: string) {
    const figure = page.locator(`figure[data-chart="${name}"]`);
    await expect.poll(() => figure.getAttribute('data-state'), { timeout: 20_000 }).toBe('drawn');
    return figure.locator('svg');
  }

  /** Clicks a download button and saves the file; its name and first bytes. */
  async function downloaded(page: Page, button: string) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button, exact: true }).click();
    const file = await download;
    const saved = new URL(file.suggestedFilename(), output).pathname;
    await file.saveAs(saved);
    return { name: file.suggestedFilename(), start: readFileSync(saved).subarray(0, 2).toString() };
  }

  /** The title of Cluster No. 2's indicator cadresPlanned in its scheme of the period. */
  async function cadresPlannedTitle(period: string): Promise<string> {
    const { data } = await system.graphql(`{ scheme(cluster: "cum-2", period: "${period}") }`);
    const title = (
      data as { scheme: { indicators: { code: string; title: string }[] } }
    ).scheme.indicators.find((i) => i.code === 'cadresPlanned')?.title;
    expect(title).toBeDefined();
    return title ?? '';
  }

  beforeAll(async () => {
    buildWebApp();
    system = await startSystem();
    stops.push(() => system.stop());
    origin = new URL(system.gateway.url()).origin;
    expect(await loadDemo(system.gateway.db)).toBeGreaterThan(14);
    await untilRanked(system, 'cum-2', '2026-FY', 8);
    session = await startBrowser(origin, output, (page) => {
      page.on('request', (request) => {
        if (request.resourceType() !== 'script') return;
        const path = new URL(page.url()).pathname;
        scripts.set(path, [...(scripts.get(path) ?? []), new URL(request.url()).pathname]);
      });
    });
    stops.push(() => session.close());
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  test("the lead's ranking draws each unit's total across the ranking's revisions; the home page loads no chart code", async () => {
    const lead = await session.openPage('/');
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
    await session.screenshot(lead, 'ranking-revisions.png');
    expect((scripts.get('/') ?? []).some((path) => path.includes('echarts'))).toBe(false);
    expect(
      (scripts.get('/ky/cum-2/2026-FY/xep-hang') ?? []).some((path) => path.includes('echarts')),
    ).toBe(true);
  });

  test("the central board's summary charts the spread of totals, classifications, deadlines and each indicator per cluster by its roll-up kind", async () => {
    const board = await session.openPage('/');
    await signInAs(board, /Ban Tổ chức Trung ương/);
    await board.goto(`${origin}/tong-hop/2023-H1`);
    await expect
      .poll(() => board.locator('tr[data-cluster="all"] td.number').first().textContent())
      .toBe('37');
    for (const name of [
      'distribution',
      'classifications',
      'deadlines',
      'indicators-sum',
      'indicators-average',
      'indicators-yes',
    ]) {
      const svg = await drawnChart(board, name);
      expect(await svg.locator('path').count()).toBeGreaterThan(3);
    }
    // Each roll-up kind on its own axis: percentages (the scheme's "(%)" titles) are averaged,
    // never added to the counts, and yes/no answers are a share of the units.
    const sums = (await (await drawnChart(board, 'indicators-sum')).textContent()) ?? '';
    expect(sums).toContain('Tổng của các đơn vị đã báo cáo');
    expect(sums).not.toContain('(%)');
    const averages = (await (await drawnChart(board, 'indicators-average')).textContent()) ?? '';
    expect(averages).toContain('Trung bình của các đơn vị đã báo cáo');
    expect(averages).toContain('(%)');
    const yes = await drawnChart(board, 'indicators-yes');
    const yesText = await yes.textContent();
    expect(yesText).toContain('Tỷ lệ đơn vị trả lời có (%)');
    // Its bars and tooltip give the API's figure, "n / m đơn vị", not the bar's percentage.
    expect(yesText).toMatch(/\d+ \/ \d+ đơn vị/);
    await yes.hover();
    const tooltip = board
      .locator('figure[data-chart="indicators-yes"] [role="img"] > div:not(:has(svg))')
      .last();
    await expect.poll(() => tooltip.textContent()).toMatch(/Cụm thi đua số \d.*\d+ \/ \d+ đơn vị/);
    // Every indicator over all clusters, rolled up by its kind, figures written the Vietnamese way,
    // each named by its title in the cluster's scheme.
    const title = await cadresPlannedTitle('2023-H1');
    expect(
      await board
        .locator('table.indicator-rollups tr[data-indicator="cadresPlanned"] td.title')
        .textContent(),
    ).toBe(`${title} (cadresPlanned)`);
    const rollUps = board.locator('table.indicator-rollups tbody tr');
    expect(await rollUps.count()).toBeGreaterThan(0);
    for (const row of await rollUps.all()) {
      const kind = (await row.locator('td.kind').textContent()) ?? '';
      const figure = (await row.locator('td.figure').textContent()) ?? '';
      expect(kind).toMatch(/^(Tổng|Trung bình \(\d+ đơn vị\)|Số đơn vị trả lời có)$/);
      if (kind === 'Số đơn vị trả lời có') expect(figure).toMatch(/^\d+ \/ \d+ đơn vị$/);
      else if (kind === 'Tổng') expect(figure).toMatch(/^\d{1,3}(\.\d{3})*(,\d\d)?$/);
      else expect(figure).toMatch(/^\d{1,3}(\.\d{3})*,\d\d$/);
    }
    await session.screenshot(board, 'summary-charts.png');
    expect(await downloaded(board, 'Xuất Excel')).toEqual({
      name: 'tong-hop-tat-ca-2023-H1.xlsx',
      start: 'PK',
    });

    // A closed period's ranking: its workbook and the meeting's minutes (biên bản).
    await board.goto(`${origin}/ky/cum-2/2023-H1/xep-hang`);
    await board.locator('table.standings tbody tr').first().waitFor();
    expect(await downloaded(board, 'Xuất Excel')).toEqual({
      name: 'xep-hang-cum-2-2023-H1.xlsx',
      start: 'PK',
    });
    expect(await downloaded(board, 'Tải biên bản')).toEqual({
      name: 'bien-ban-cum-2-2023-H1.docx',
      start: 'PK',
    });
  });

  test("the lead's matrix shows every ranked unit's points per criterion under the scheme's headings, prints on landscape A4 and downloads as Excel; a member is refused", async () => {
    const lead = await session.openPage('/');
    await signInAs(lead, /Thanh Hóa$/);
    await lead.goto(`${origin}/ky/cum-2/2026-FY/ma-tran`);
    const rows = lead.locator('table.matrix-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(9);
    await lead.locator('tr[data-unit="thanh-hoa"] td.total').waitFor();
    const criteria = await lead.locator('thead th[data-criterion]').count();
    expect(criteria).toBeGreaterThan(5);
    expect(await lead.locator('tr[data-unit="thanh-hoa"] td[data-criterion]').count()).toBe(
      criteria,
    );
    // The matrix's total is the ranking's.
    const { data } = await system.graphql(
      '{ ranking(cluster: "cum-2", period: "2026-FY") { entries { unitCode total } } }',
    );
    const total = (
      data as { ranking: { entries: { unitCode: string; total: string | null }[] } }
    ).ranking.entries.find((e) => e.unitCode === 'thanh-hoa')?.total;
    expect(await lead.locator('tr[data-unit="thanh-hoa"] td.total').textContent()).toBe(
      (total ?? '').replace('.', ','),
    );
    await session.screenshot(lead, 'matrix.png');
    await lead.emulateMedia({ media: 'print' });
    expect(await lead.locator('header.top').isVisible()).toBe(false);
    expect(await lead.locator('table.matrix-table').isVisible()).toBe(true);
    await session.screenshot(lead, 'matrix-print.png');
    await lead.emulateMedia({ media: 'screen' });

    // An xlsx is a zip: it starts with PK.
    expect(await downloaded(lead, 'Xuất Excel')).toEqual({
      name: 'bang-diem-cum-2-2026-FY.xlsx',
      start: 'PK',
    });

    const member = await session.openPage('/');
    await signInAs(member, /Hà Tĩnh$/);
    await member.goto(`${origin}/ky/cum-2/2026-FY/ma-tran`);
    await expect
      .poll(() => member.getByRole('alert').textContent())
      .toMatch(/Không có quyền truy cập/);
    expect(await member.locator('table.matrix-table').count()).toBe(0);
  });

  test('a unit sees each version it sent with its time and whether it was on time; the board sees a late one as late', async () => {
    const values = walkthroughVariables('submitResults as ha-tinh');
    for (let sent = 0; sent < 2; sent++) {
      const { data } = await system.graphql(
        `mutation($indicators: [IndicatorValueInput!]!, $selfScores: [SelfScoreInput!]!) {
           submitResults(unitCode: "ha-tinh", periodId: "2026-FY", indicators: $indicators,
             selfScores: $selfScores) { __typename } }`,
        values,
        'ha-tinh',
      );
      expect(data).toEqual({ submitResults: { __typename: 'SubmissionAccepted' } });
    }
    const unit = await session.openPage('/');
    await signInAs(unit, /Hà Tĩnh$/);
    await unit.goto(`${origin}/ky/cum-2/2026-FY/phien-ban/ha-tinh`);
    const versions = unit.locator('table.versions-table tbody tr');
    await expect.poll(() => versions.count()).toBeGreaterThanOrEqual(2);
    const count = await versions.count();
    expect(await unit.locator(`tr[data-version="${count}"]`).getAttribute('class')).toBe('counted');
    expect(await unit.locator('td.timeliness').allTextContents()).toEqual(
      Array.from({ length: count }, () => 'Đúng hạn'),
    );
    await session.screenshot(unit, 'versions.png');

    // A member of Cluster No. 2 that reported after the deadline of the first half of 2023.
    const { data } = await system.graphql(
      `{ period(cluster: "cum-2", id: "2023-H1") { deadline }
         ranking(cluster: "cum-2", period: "2023-H1") { entries { unitCode submittedAt } } }`,
    );
    const found = data as {
      period: { deadline: string };
      ranking: { entries: { unitCode: string; submittedAt: string | null }[] };
    };
    const late = found.ranking.entries.find(
      (e) =>
        e.submittedAt !== null && Date.parse(e.submittedAt) > Date.parse(found.period.deadline),
    );
    expect(late).toBeDefined();
    const board = await session.openPage('/');
    await signInAs(board, /Ban Tổ chức Trung ương/);
    await board.goto(`${origin}/ky/cum-2/2023-H1/phien-ban/${late?.unitCode ?? ''}`);
    await expect
      .poll(() => board.locator('tr.counted td.timeliness').textContent())
      .toBe('Nộp muộn');
  });

  test("a merged unit's history runs through its predecessors' results across the years", async () => {
    // Hải Phòng's evidence (minh chứng) for criterion 1.1: a small PDF.
    const evidence = new FormData();
    evidence.set('unit', 'hai-phong');
    evidence.set('period', '2026-FY');
    evidence.set('criterion', '1.1');
    evidence.set(
      'file',
      new Blob([
        '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      ]),
      'Nghị quyết kết nạp.pdf',
    );
    const uploaded = await fetch(`${origin}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('hai-phong')}` },
      body: evidence,
    });
    expect(uploaded.status).toBe(201);
    const unit = await session.openPage('/');
    await signInAs(unit, /Hải Phòng$/);
    await unit.getByRole('link', { name: 'Lịch sử thi đua qua các năm' }).click();
    await unit.getByRole('heading', { name: /Lịch sử thi đua/ }).waitFor();
    await expect.poll(() => unit.getByTestId('predecessors').textContent()).toContain('hai-duong');
    const predecessors = unit.locator('table.history-table tr.predecessor');
    await expect.poll(() => predecessors.count()).toBeGreaterThan(0);
    expect(await predecessors.first().getAttribute('data-unit')).toBe('hai-duong');
    expect(
      await unit.locator('table.history-table tr[data-unit="hai-phong"]').count(),
    ).toBeGreaterThan(0);
    const svg = await drawnChart(unit, 'history');
    expect(await svg.textContent()).toContain('hai-duong');
    await session.screenshot(unit, 'history.png');
  });

  test("a unit's scorecard names it and its reviewed indicators, writes each formula the Vietnamese way, downloads its evidence, leads to its versions and notes a paper report", async () => {
    // The lead reviews one of Hải Phòng's figures, with a reason.
    const { data: reviewed } = await system.graphql(
      `mutation { reviewIndicator(unitCode: "hai-phong", periodId: "2026-FY",
         indicator: "cadresPlanned", reviewedValue: "260", reason: "Theo nghị quyết quy hoạch")
         { __typename } }`,
      {},
      'thanh-hoa',
    );
    expect(reviewed).toEqual({ reviewIndicator: { __typename: 'IndicatorReviewed' } });
    await eventually(async () => {
      const { data } = await system.graphql(
        '{ scorecard(unit: "hai-phong", period: "2026-FY") { reviewedIndicators { indicator } } }',
      );
      const card = (data as { scorecard: { reviewedIndicators: { indicator: string }[] } | null })
        .scorecard;
      return card?.reviewedIndicators.some((r) => r.indicator === 'cadresPlanned')
        ? true
        : undefined;
    });
    const title = await cadresPlannedTitle('2026-FY');
    const unit = await session.openPage('/');
    await signInAs(unit, /Hải Phòng$/);
    await expect
      .poll(() => unit.getByTestId('who').textContent())
      .toContain('Ban Tổ chức Thành ủy Hải Phòng (hai-phong)');
    await unit.goto(`${origin}/ky/cum-2/2026-FY/bang-diem/hai-phong`);
    await unit
      .getByRole('heading', { name: 'Bảng điểm · Ban Tổ chức Thành ủy Hải Phòng · Cả năm 2026' })
      .waitFor();
    const formula = unit.locator('tr[data-criterion="1.1"] td.formula');
    // The API's `min(5.00, 14 × 0.5) = 5.00` with decimal commas and `;` between arguments.
    expect(await formula.textContent()).toMatch(/^min\(\d+,\d\d; \d+ × \d+(,\d+)?\) = \d+,\d\d$/);
    expect(await unit.locator('td.formula').allTextContents()).not.toContainEqual(
      // a decimal point (thousands are grouped with dots: 1.988)
      expect.stringMatching(/\d\.\d{1,2}(?!\d)|self-score/),
    );
    // The reviewed indicator by its title in the scheme, its code beside it.
    const reviewedRow = unit.locator(
      'table.reviewed-indicators tr[data-indicator="cadresPlanned"] td',
    );
    await expect
      .poll(() => reviewedRow.first().textContent(), { timeout: 30_000 })
      .toBe(`${title} (cadresPlanned)`);
    // The reviewer by its name in the cluster.
    expect(await reviewedRow.last().textContent()).toBe('Ban Tổ chức Tỉnh ủy Thanh Hóa');
    // The evidence on its criterion line, saved with the token under its own name.
    expect(await unit.locator('tr[data-criterion="1.1"] li[data-evidence]').textContent()).toMatch(
      /^Nghị quyết kết nạp\.pdf PDF, 77 B · Ban Tổ chức Thành ủy Hải Phòng, \d\d\/\d\d\/\d{4} \d\d:\d\d$/,
    );
    expect(await downloaded(unit, 'Nghị quyết kết nạp.pdf')).toEqual({
      name: 'Nghị quyết kết nạp.pdf',
      start: '%P',
    });
    await session.screenshot(unit, 'scorecard-formulas.png');
    await unit.getByRole('link', { name: /Các phiên bản báo cáo/ }).click();
    await unit
      .getByRole('heading', { name: /Các phiên bản báo cáo · Ban Tổ chức Thành ủy Hải Phòng/ })
      .waitFor();
    // The heading shows before the versions are read: wait for the rows.
    await expect
      .poll(() => unit.locator('table.versions-table tbody tr').count())
      .toBeGreaterThan(0);

    // The lead records Hà Tĩnh's results from a paper report received a minute ago.
    const receivedAt = new Date(Date.now() - 60_000);
    const { data: recorded } = await system.graphql(
      `mutation($indicators: [IndicatorValueInput!]!, $selfScores: [SelfScoreInput!]!,
         $receivedAt: DateTime!) {
         submitResults(unitCode: "ha-tinh", periodId: "2026-FY", indicators: $indicators,
           selfScores: $selfScores, receivedAt: $receivedAt) { __typename } }`,
      { ...walkthroughVariables('submitResults as ha-tinh'), receivedAt: receivedAt.toISOString() },
      'thanh-hoa',
    );
    expect(recorded).toEqual({ submitResults: { __typename: 'SubmissionAccepted' } });
    // The page reads the scorecard once: wait until the paper version is the counted one.
    await eventually(async () => {
      const { data } = await system.graphql(
        '{ scorecard(unit: "ha-tinh", period: "2026-FY") { paperReport { recordedBy } } }',
      );
      return (
        (data as { scorecard: { paperReport: unknown } | null }).scorecard?.paperReport ?? undefined
      );
    });
    const lead = await session.openPage('/');
    await signInAs(lead, /Thanh Hóa$/);
    await lead.goto(`${origin}/ky/cum-2/2026-FY/bang-diem/ha-tinh`);
    const receivedDay = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(receivedAt);
    await expect
      .poll(() => lead.locator('p.paper-report').textContent(), { timeout: 30_000 })
      .toBe(`Do Ban Tổ chức Tỉnh ủy Thanh Hóa ghi nhận từ báo cáo giấy nhận ngày ${receivedDay}.`);
  });

  test('no page visited logged a console error', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
