import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSystem, tokenFor, type RunningSystem } from '../../../test/support/system.ts';
import {
  buildWebApp,
  signInAs,
  startBrowser,
  untilRanked,
  type BrowserSession,
} from './browser-session.ts';

// A year set up and run from the management screens: the central board defines a cluster, its
// deputies and its scheme (pasted as JSON); the lead opens, moves and closes the year-end period,
// adds bonus and deduction items with reasons, and records the vote on a tie at the flag quota.
// Totals (TARGET 50 × min(v/100, 1) + self-score): w3 and w4 95.00 each share rank 1 for the one
// flag seat (ties broken on criteriaSum only), so the awards service asks for the cluster's vote.
const year = 2027;
const periodId = `${year}-FY`;
const cluster = 'cum-w';

const output = new URL('../test-output/management/', import.meta.url);

function scheme(maxPoints: string) {
  return {
    code: 'web-scheme',
    year,
    title: 'Bảng điểm thử của màn hình quản lý',
    indicators: [{ code: 'admitted', title: 'Đảng viên mới', kind: 'COUNT', maxValue: '30000' }],
    headings: [
      {
        code: 'I',
        title: 'Xây dựng Đảng',
        criteria: [
          {
            code: '1.1',
            title: 'Kết nạp đảng viên',
            maxPoints,
            method: 'TARGET',
            indicator: 'admitted',
            direction: 'HIGHER_IS_BETTER',
            defaultTarget: '100',
          },
          { code: '1.2', title: 'Tự đánh giá', maxPoints: '50', method: 'SELF_ASSESSED' },
        ],
      },
    ],
    tieBreaks: ['CRITERIA_SUM'],
    flagQuota: 1,
    meritQuota: { count: 2 },
  };
}

const memberLines = [1, 2, 3, 4, 5, 6].map((n) => `w${n} | Ban Tổ chức Tỉnh ủy W${n}`).join('\n');

describe('the management screens in a real browser against the whole system', () => {
  let system: RunningSystem;
  let session: BrowserSession;
  const stops: (() => Promise<void>)[] = [];
  const visited = new Set<string>();

  /** A page signed in as `who` (a unit's code, or `central`) through the session's token. */
  async function openAs(
    who: string,
    path: string,
    viewport = { width: 1366, height: 768 },
  ): Promise<Page> {
    const page = await session.openPage(path, { viewport, token: await tokenFor(who) });
    await page.getByTestId('who').waitFor();
    return page;
  }

  const submit = async (unit: string, admitted: string, self: string) => {
    const { data } = await system.graphql(
      `mutation($unit: String!) { submitResults(unitCode: $unit, periodId: "${periodId}",
         indicators: [{ code: "admitted", value: "${admitted}" }],
         selfScores: [{ criterion: "1.2", score: "${self}" }]) { __typename } }`,
      { unit },
      unit,
    );
    expect(data).toEqual({ submitResults: { __typename: 'SubmissionAccepted' } });
  };

  beforeAll(async () => {
    buildWebApp();
    system = await startSystem();
    stops.push(() => system.stop());
    session = await startBrowser(new URL(system.gateway.url()).origin, output, (page) => {
      page.on('framenavigated', () => visited.add(new URL(page.url()).pathname));
    });
    stops.push(() => session.close());
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  test('the central board defines a cluster from pasted member lines; a lead outside it is refused at its field', async () => {
    const board = await openAs('central', '/');
    await board.getByRole('link', { name: 'Thiết lập cụm, cụm trưởng, bảng chấm điểm' }).click();
    await board.getByRole('combobox', { name: 'Năm' }).selectOption(String(year));
    await board.getByRole('heading', { name: `Thiết lập thi đua năm ${year}` }).waitFor();
    await board.getByLabel('Mã cụm').fill(cluster);
    await board.getByLabel('Tên cụm').fill('Cụm thi đua thử');
    await board.getByLabel(/Đơn vị thành viên/).fill(memberLines);
    expect(await board.getByText('Đơn vị thành viên (6)').count()).toBe(1);
    await board.getByLabel('Cụm trưởng (mã đơn vị)').fill('w9');
    await board.getByLabel('Cụm phó (mã đơn vị)').fill('w2');
    await board.getByRole('button', { name: 'Xác lập cụm' }).click();
    const refusal = board.locator('#define-lead-error');
    await expect.poll(() => refusal.textContent()).toMatch(/[ăâđêôơưạảấầẩẫậ]/);
    expect(await board.locator('#define-lead').getAttribute('aria-invalid')).toBe('true');
    expect(await board.locator('.field-error').count()).toBe(1);
    await session.screenshot(board, 'define-cluster-refused.png');

    await board.getByLabel('Cụm trưởng (mã đơn vị)').fill('w1');
    await board.getByRole('button', { name: 'Xác lập cụm' }).click();
    await board.getByText(`Đã xác lập Cụm thi đua thử (${cluster}) năm ${year}`).waitFor();
    expect(await board.locator('.field-error').count()).toBe(0);
    const { data } = await system.graphql(
      `{ cluster(code: "${cluster}", year: ${year}) { lead deputies members { unitCode name } } }`,
    );
    expect(data).toEqual({
      cluster: {
        lead: 'w1',
        deputies: ['w2'],
        members: [1, 2, 3, 4, 5, 6].map((n) => ({
          unitCode: `w${n}`,
          name: `Ban Tổ chức Tỉnh ủy W${n}`,
        })),
      },
    });
  });

  test('the board sets the deputies from the members, and assigns a scheme pasted as JSON, shown as a table with a refused row first', async () => {
    const board = await openAs('central', `/thiet-lap/${year}`);
    const lead = board.getByRole('region', { name: 'Cụm trưởng, cụm phó' });
    await expect.poll(() => lead.getByLabel('Cụm trưởng', { exact: true }).inputValue()).toBe('w1');
    await lead.getByRole('checkbox', { name: 'Ban Tổ chức Tỉnh ủy W3' }).check();
    await lead.getByRole('button', { name: 'Đặt cụm trưởng, cụm phó' }).click();
    await board.getByText(`Đã đặt cụm trưởng, cụm phó của ${cluster} năm ${year}`).waitFor();
    const { data } = await system.graphql(
      `{ cluster(code: "${cluster}", year: ${year}) { lead deputies } }`,
    );
    expect(data).toEqual({ cluster: { lead: 'w1', deputies: ['w2', 'w3'] } });

    const form = board.getByRole('region', { name: 'Bảng chấm điểm' });
    await form.getByLabel('Bảng chấm điểm (JSON)').fill('{ "code": ');
    await expect.poll(() => form.locator('#scheme-json-error').textContent()).toMatch(/^JSON/);
    expect(await form.getByRole('button', { name: 'Gán bảng chấm điểm' }).isDisabled()).toBe(true);
    await form
      .getByLabel('Bảng chấm điểm (JSON)')
      .fill(JSON.stringify(scheme('năm mươi'), null, 2));
    const preview = form.getByTestId('scheme-preview');
    await preview.waitFor();
    expect(await preview.locator('tr[data-criterion]').count()).toBe(2);
    expect(await preview.locator('tr[data-criterion="1.2"]').textContent()).toMatch(
      /Tự đánh giá.*Tự chấm.*50,00/,
    );
    await form.getByRole('button', { name: 'Gán bảng chấm điểm' }).click();
    // The API's refusal of the criterion's maxPoints, on that row of the table.
    const refusedRow = preview.locator('tr[data-criterion="1.1"]');
    await expect.poll(() => refusedRow.getAttribute('class')).toBe('refused');
    expect(await refusedRow.getByRole('alert').textContent()).toMatch(/[ăâđêôơưạảấầẩẫậ]/);
    expect(await preview.locator('tr.refused').count()).toBe(1);
    await session.screenshot(board, 'scheme-refused.png');
    await board.setViewportSize({ width: 390, height: 844 });
    await session.screenshot(board, 'scheme-refused-phone.png');
    await board.setViewportSize({ width: 1366, height: 768 });

    await form.getByLabel('Bảng chấm điểm (JSON)').fill(JSON.stringify(scheme('50')));
    await form.getByRole('button', { name: 'Gán bảng chấm điểm' }).click();
    await board.getByText(`Đã gán bảng chấm điểm web-scheme cho ${cluster}`).waitFor();
    const assigned = await system.graphql(
      `{ scheme(cluster: "${cluster}", period: "${periodId}") }`,
    );
    expect((assigned.data as { scheme: { code: string } | null }).scheme?.code).toBe('web-scheme');
  });

  test('a unit that tries to define a cluster sees the API refusal in Vietnamese, and nothing changes', async () => {
    const unit = await openAs('w5', `/thiet-lap/${year}`);
    const form = unit.getByRole('region', { name: 'Xác lập cụm thi đua' });
    await form.waitFor();
    await form.getByLabel('Mã cụm').fill('cum-x');
    await form.getByLabel('Tên cụm').fill('Cụm tự lập');
    await form.getByLabel(/Đơn vị thành viên/).fill('w5 | Ban Tổ chức Tỉnh ủy W5');
    await form.getByRole('button', { name: 'Xác lập cụm' }).click();
    await expect
      .poll(() => form.locator('.error-box').textContent())
      .toContain('Chỉ Ban Tổ chức Trung ương được thực hiện việc này');
    const { data } = await system.graphql(`{ cluster(code: "cum-x", year: ${year}) { name } }`);
    expect(data).toEqual({ cluster: null });
  });

  test('the lead opens the year-end period, moves its deadline; a date that does not read is refused at its field', async () => {
    const lead = await openAs('w1', '/');
    await lead
      .getByRole('region', { name: `${cluster} ${year}` })
      .getByRole('link', { name: 'Quản lý cụm' })
      .click();
    await lead.getByRole('heading', { name: /Quản lý Cụm thi đua thử/ }).waitFor();
    await lead.getByLabel('Kỳ', { exact: true }).selectOption(periodId);
    await lead.getByLabel('Hạn nộp', { exact: true }).fill('31/13/2027');
    await lead.getByRole('button', { name: 'Mở kỳ' }).click();
    await expect
      .poll(() => lead.locator('#open-deadline-error').textContent())
      .toMatch(/ngày\/tháng\/năm/);
    await lead.getByLabel('Hạn nộp', { exact: true }).fill('31/12/2027 17:00');
    await lead.getByRole('button', { name: 'Mở kỳ' }).click();
    await lead.getByText('Đã mở kỳ Cả năm 2027, hạn nộp 31/12/2027 17:00').waitFor();
    const period = lead.locator(`[data-period="${periodId}"]`);
    expect(await period.locator('.deadline').textContent()).toBe('31/12/2027 17:00');

    await period.getByLabel('Hạn nộp mới').fill('30/12/2027 09:30');
    await period.getByRole('button', { name: 'Dời hạn nộp' }).click();
    await lead.getByText('Đã dời hạn nộp kỳ Cả năm 2027 đến 30/12/2027 09:30').waitFor();
    await expect.poll(() => period.locator('.deadline').textContent()).toBe('30/12/2027 09:30');
    const { data } = await system.graphql(
      `{ period(cluster: "${cluster}", id: "${periodId}") { deadline status } }`,
    );
    const moved = (data as { period: { deadline: string; status: string } }).period;
    expect(moved.status).toBe('OPEN');
    // Typed in Hanoi time, 7 hours ahead of UTC.
    expect(Date.parse(moved.deadline)).toBe(Date.parse('2027-12-30T02:30:00Z'));
    await session.screenshot(lead, 'period-opened.png');
  });

  test('the lead adds a bonus and a deduction with reasons (a missing reason refused at its field) and closes the period', async () => {
    for (const [unit, admitted, self] of [
      ['w3', '100', '45'],
      ['w4', '100', '45'],
      ['w5', '90', '46'],
      ['w1', '100', '44'],
      ['w6', '100', '40'],
    ] as const) {
      await submit(unit, admitted, self);
    }
    await untilRanked(system, cluster, periodId, 5);

    const lead = await openAs('w1', `/quan-ly/${cluster}/${year}`);
    const section = lead.getByRole('region', { name: 'Điểm thưởng, điểm trừ' });
    await section.getByLabel('Đơn vị').selectOption('w5');
    await section.getByText('Chưa có điểm thưởng hay điểm trừ nào.').waitFor();
    await section.getByLabel('Số điểm').fill('1,50');
    await section.getByRole('button', { name: 'Ghi' }).click();
    const refusal = section.locator('#adjust-reason-error');
    await expect.poll(() => refusal.textContent()).toMatch(/[ăâđêôơưạảấầẩẫậ]/);
    expect(await section.locator('#adjust-reason').getAttribute('aria-invalid')).toBe('true');
    await session.screenshot(lead, 'bonus-refused.png');

    await section
      .getByLabel('Lý do')
      .fill('Dẫn đầu phong trào kết nạp đảng viên trong doanh nghiệp');
    await section.getByRole('button', { name: 'Ghi' }).click();
    await section.getByText('Đã ghi điểm thưởng cho Ban Tổ chức Tỉnh ủy W5').waitFor();
    await section.getByRole('radio', { name: 'Điểm trừ' }).check();
    await section.getByLabel('Số điểm').fill('0,5');
    await section.getByLabel('Lý do').fill('Gửi báo cáo thiếu phụ lục số liệu');
    await section.getByRole('button', { name: 'Ghi' }).click();
    await section.getByText('Đã ghi điểm trừ cho Ban Tổ chức Tỉnh ủy W5').waitFor();
    const rows = section.locator('table.adjustments tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toBe(
      'Điểm thưởng+1,50Dẫn đầu phong trào kết nạp đảng viên trong doanh nghiệp',
    );
    expect(await rows.nth(1).textContent()).toBe('Điểm trừ−0,50Gửi báo cáo thiếu phụ lục số liệu');
    await session.screenshot(lead, 'adjustments.png');
    await lead.setViewportSize({ width: 390, height: 844 });
    await session.screenshot(lead, 'adjustments-phone.png');
    await lead.setViewportSize({ width: 1366, height: 768 });

    // Keyboard only: the close button, then its confirmation, reached and pressed from the keys.
    const period = lead.locator(`[data-period="${periodId}"]`);
    await period.getByRole('button', { name: 'Đóng kỳ' }).focus();
    await lead.keyboard.press('Enter');
    await period.getByRole('button', { name: 'Xác nhận đóng kỳ' }).focus();
    await lead.keyboard.press('Enter');
    await lead.getByText('Đã đóng kỳ Cả năm 2027').waitFor();
    await expect.poll(() => period.locator('.badge').textContent()).toBe('Đã đóng');
    expect(await period.getByRole('button', { name: 'Dời hạn nộp' }).count()).toBe(0);
  });

  test('the award sheet shows the tie at the flag seat; the lead records the vote (two winners for one seat refused first)', async () => {
    const lead = await openAs('w1', `/khen-thuong/${cluster}/${year}`);
    const vote = lead.locator('form.tie-vote');
    await vote.waitFor({ timeout: 60_000 });
    expect(await vote.textContent()).toContain('2 đơn vị đồng hạng 1 tranh 1 suất Cờ thi đua');
    expect(await lead.locator('tr[data-unit="w3"]').textContent()).toContain('đồng hạng');
    await vote.getByRole('checkbox', { name: 'Ban Tổ chức Tỉnh ủy W3' }).check();
    await vote.getByRole('checkbox', { name: 'Ban Tổ chức Tỉnh ủy W4' }).check();
    await vote.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await expect
      .poll(() => vote.getByRole('alert').first().textContent())
      .toMatch(/[ăâđêôơưạảấầẩẫậ]/);
    await session.screenshot(lead, 'tie-vote-refused.png');
    await vote.getByRole('checkbox', { name: 'Ban Tổ chức Tỉnh ủy W3' }).uncheck();
    await vote.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await expect.poll(() => vote.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => lead.locator('tr[data-unit="w4"]').textContent())
      .toContain('Cờ thi đua');
    expect(await lead.locator('tr[data-unit="w4"]').textContent()).not.toContain('đồng hạng');
    await session.screenshot(lead, 'tie-vote-recorded.png');
  });

  test('the central board approves a line as a lower award: a missing signer refused at its field first', async () => {
    const board = await openAs('central', `/khen-thuong/${cluster}/${year}`);
    const line = board.locator('tr[data-unit="w4"]');
    await expect.poll(() => line.locator('.decided').textContent()).toBe('Chưa quyết định');
    await board.getByLabel('Đơn vị').selectOption('w4');
    await board.getByLabel('Quyết định', { exact: true }).selectOption('APPROVE_LOWER');
    // The line as proposed: a flag, granted one step lower.
    await board.getByLabel('Hình thức khen thưởng').selectOption('FLAG');
    await board.getByLabel('Lý do').fill('Chưa đủ thời gian tích lũy thành tích cho Cờ thi đua');
    await board.getByLabel('Số quyết định').fill('27/QĐ-BTCTW');
    await board.getByLabel('Ngày quyết định').fill('20/01/2028');
    await board.getByRole('button', { name: 'Ghi quyết định' }).click();
    const refusal = board.locator('#decision-signer-error');
    await expect.poll(() => refusal.textContent()).toMatch(/[ăâđêôơưạảấầẩẫậ]/);
    expect(await board.locator('#decision-signer').getAttribute('aria-invalid')).toBe('true');
    await session.screenshot(board, 'decision-refused.png');
    expect(await board.locator('form.decision .field-error').count()).toBe(1);

    await board.getByLabel('Người ký').fill('Trưởng ban');
    await board.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect
      .poll(() => line.locator('.granted').textContent(), { timeout: 30_000 })
      .toBe('Bằng khen');
    expect(await line.locator('.decided').textContent()).toContain(
      'Phê duyệt ở mức thấp hơn · số 27/QĐ-BTCTW ngày 20/01/2028 · Trưởng ban',
    );
    await session.screenshot(board, 'decision-lower.png');
  });

  test('the English toggle turns the management screens and the API refusals to English, and back', async () => {
    const lead = await openAs('w1', `/quan-ly/${cluster}/${year}`);
    await lead.getByRole('heading', { name: /Quản lý Cụm thi đua thử/ }).waitFor();
    await lead.getByRole('button', { name: 'English' }).click();
    await lead.getByRole('heading', { name: 'Managing Cụm thi đua thử · 2027' }).waitFor();
    expect(await lead.locator('html').getAttribute('lang')).toBe('en');
    expect(await lead.getByTestId('who').textContent()).toBe(
      `Ban Tổ chức Tỉnh ủy W1 (w1) · Lead ${cluster} (${year})`,
    );
    expect(await lead.locator(`[data-period="${periodId}"] h3`).textContent()).toBe(
      'Year 2027 · deadline 30/12/2027 09:30 Closed',
    );
    const section = lead.getByRole('region', { name: 'Bonus and deduction items' });
    await section.getByLabel('Unit', { exact: true }).selectOption('w5');
    await section.getByLabel('Points', { exact: true }).fill('1');
    await section.getByRole('button', { name: 'Record' }).click();
    // The API's English message, where the Vietnamese one would be.
    const refused = section.locator('.field-error, .error-box').first();
    await expect.poll(() => refused.textContent()).toMatch(/^[\x20-\x7e]+$/);
    await expect
      .poll(() => section.locator('table.adjustments tbody tr').first().textContent())
      .toMatch(/^Bonus\+1,50/);
    await session.screenshot(lead, 'manage-english.png');
    // The period overview and a unit's versions read in English too.
    const managed = lead.url();
    await lead.goto(new URL(`/ky/${cluster}/${periodId}/tong-quan`, managed).href);
    await lead
      .getByRole('heading', { name: `Reports received · Year ${year} (${cluster})` })
      .waitFor();
    expect(await lead.locator('tr[data-unit="w3"]').textContent()).toContain('Sent on time');
    // Closed before its deadline: w2 has not reported, and is not yet late.
    expect(await lead.locator('tr[data-unit="w2"]').textContent()).toContain('Not sent yet');
    await lead.getByRole('heading', { name: 'Unusual values to check' }).waitFor();
    await session.screenshot(lead, 'overview-english.png');
    await lead.goto(new URL(`/ky/${cluster}/${periodId}/phien-ban/w3`, managed).href);
    await lead
      .getByRole('heading', {
        name: `Versions of the report · Ban Tổ chức Tỉnh ủy W3 · Year ${year}`,
      })
      .waitFor();
    expect(await lead.locator('tr.counted td.timeliness').textContent()).toBe('On time');
    // The ranking, the matrix and the unit's history as well.
    await lead.goto(new URL(`/ky/${cluster}/${periodId}/xep-hang`, managed).href);
    await expect
      .poll(() => lead.locator('.banner').textContent())
      .toBe('Official results: the period is closed.');
    expect(await lead.locator('table.standings thead').textContent()).toBe(
      'RankUnitTotal pointsCriteria pointsDeductionClassificationMovement',
    );
    // Its chart of the revisions too, the units' names as they are.
    const chart = lead.locator('figure[data-chart="revisions"][data-state="drawn"]');
    await chart.waitFor();
    expect(await chart.locator('figcaption').textContent()).toMatch(
      /^Each unit's total over the ranking's last \d+ revisions \(\d+ to \d+\)$/,
    );
    const drawn = await chart.locator('svg').textContent();
    expect(drawn).toMatch(/Revision \d+/);
    expect(drawn).toContain('Ban Tổ chức Tỉnh ủy W3');
    await session.screenshot(lead, 'ranking-english.png');
    await lead.goto(new URL(`/ky/${cluster}/${periodId}/ma-tran`, managed).href);
    await lead.getByRole('heading', { name: `Matrix · Year ${year} (${cluster})` }).waitFor();
    await expect
      .poll(() => lead.locator('tr[data-unit="w3"] td').last().textContent())
      .toBe('Excellent');
    await lead.goto(new URL('/don-vi/w1/lich-su', managed).href);
    await lead.getByRole('heading', { name: 'History · Ban Tổ chức Tỉnh ủy W1' }).waitFor();
    expect(await lead.getByText('The unit has no predecessor.').count()).toBe(1);
    // The submission form: the scheme's titles and the figures as they are, the API's refusals
    // (the period is closed, a self-score over its maximum) in English.
    await lead.goto(new URL(`/ky/${cluster}/${periodId}/nop`, managed).href);
    await lead.getByRole('heading', { name: `Report · Year ${year} (${cluster})` }).waitFor();
    expect(await lead.locator('#field-indicators-admitted-hint').textContent()).toBe(
      ' (a whole number, from 0, at most 30.000)',
    );
    expect(await lead.locator('.criterion h3').last().textContent()).toBe(
      '1.2. Tự đánh giá (at most 50,00 points)',
    );
    await lead.getByLabel('Đảng viên mới').fill('100');
    await lead.getByLabel('Self-score').fill('60');
    await lead.getByRole('button', { name: 'Send the report' }).click();
    const refusal = lead.locator('form.submission .error-box');
    await expect
      .poll(() => refusal.locator('strong').textContent())
      .toBe('The report was not recorded: 2 field(s) to correct.');
    expect(await refusal.locator('li').textContent()).toBe(`period ${periodId} is closed`);
    expect(await lead.locator('#field-selfScores-1-2-error').textContent()).toMatch(
      /^Self-score 60 exceeds the maximum 50(\.00)? of criterion 1\.2$/,
    );
    await session.screenshot(lead, 'submission-english.png');
    // A member's scorecard, as the lead who reviews it: the formula's numbers the Vietnamese way.
    await lead.goto(new URL(`/ky/${cluster}/${periodId}/bang-diem/w3`, managed).href);
    await lead
      .getByRole('heading', { name: `Scorecard · Ban Tổ chức Tỉnh ủy W3 · Year ${year}` })
      .waitFor();
    expect(await lead.locator('table.totals').textContent()).toBe(
      'Total points95,00Criteria points95,00Bonus0,00Deduction0,00Deducted for lateness0,00' +
        'ClassificationExcellentTimelinessSent on time',
    );
    expect(await lead.locator('table.criteria thead').textContent()).toBe(
      'CriterionMethodFigureFormulaPoints / maxEvidenceReview',
    );
    const selfScored = lead.locator('tr[data-criterion="1.2"]');
    expect(await selfScored.locator('td').nth(1).textContent()).toBe('Self-assessed');
    expect(await selfScored.locator('td.formula').textContent()).toBe('self-score 45 = 45,00');
    expect(await selfScored.getByRole('form', { name: 'Review 1.2' }).textContent()).toBe(
      'Reviewed scoreReasonReview',
    );
    await session.screenshot(lead, 'scorecard-english.png');
    await lead.goto(managed);
    await lead.getByRole('link', { name: 'Home' }).click();
    await lead.getByRole('heading', { name: "The unit's clusters" }).waitFor();
    expect(await lead.getByRole('region', { name: `${cluster} ${year}` }).textContent()).toMatch(
      /Role: Lead · 6 member units · Awards 2027.*Manage cluster.*Year 2027.*Closed/,
    );
    // Signed out, the sign-in page reads in English; switched back there, the app is Vietnamese.
    await lead.getByRole('button', { name: 'Sign out' }).click();
    await lead.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    expect(await lead.getByLabel('Sign-in token').count()).toBe(1);
    expect(await lead.getByRole('button', { name: 'Central Organisation Board' }).count()).toBe(1);
    expect(await lead.locator('.identities').textContent()).toContain(
      `Ban Tổ chức Tỉnh ủy W1 Lead ${cluster} (${year})`,
    );
    await session.screenshot(lead, 'sign-in-english.png');
    await lead.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(await lead.locator('html').getAttribute('lang')).toBe('vi');
    await signInAs(lead, /W1$/);
    await lead.getByRole('heading', { name: 'Các cụm thi đua của đơn vị' }).waitFor();
  });

  test("the central board's summary reads in English, its figures and the scheme's titles as they are", async () => {
    const board = await openAs('central', `/tong-hop/${periodId}`);
    await board.getByRole('button', { name: 'English' }).click();
    await board.getByRole('heading', { name: `Summary · Year ${year}` }).waitFor();
    expect(await board.locator('tr[data-cluster="all"] th').textContent()).toBe('All clusters');
    const admitted = board.locator('table.indicator-rollups tr[data-indicator="admitted"]');
    await expect.poll(() => admitted.locator('td.kind').textContent()).toBe('Sum');
    expect(await admitted.locator('td.title').textContent()).toBe('Đảng viên mới (admitted)');
    expect(await admitted.locator('td.figure').textContent()).toBe('490');
    await board.locator('figure[data-chart="indicators-sum"][data-state="drawn"]').waitFor();
    expect(await board.locator('figure[data-chart="indicators-sum"] svg').textContent()).toContain(
      'Total of the reporting units',
    );
    await session.screenshot(board, 'summary-english.png');
  });

  test('every management page opens without a console error, for the board, the lead, a deputy and a member', async () => {
    for (const [who, path] of [
      ['central', `/quan-ly/${cluster}/${year}`],
      ['central', `/thiet-lap/${year}`],
      ['central', `/khen-thuong/${cluster}/${year}`],
      ['w2', `/quan-ly/${cluster}/${year}`],
      ['w6', `/quan-ly/${cluster}/${year}`],
      ['w6', `/thiet-lap/${year}`],
    ] as const) {
      const page = await openAs(who, path);
      await page.locator('main h1, main .error-box').first().waitFor();
      await page.waitForLoadState('networkidle');
      if (who === 'w6' && path.startsWith('/quan-ly/')) {
        // A member sees the periods, not the forms it may not use.
        expect(await page.locator('main form').count()).toBe(0);
      }
    }
    expect([...visited]).toEqual(
      expect.arrayContaining([`/quan-ly/${cluster}/${year}`, `/thiet-lap/${year}`]),
    );
    expect(session.consoleErrors).toEqual([]);
  });
});
