import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cluster2 from '../../infra/demo/data/cluster-2-2023.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  defineCluster,
  openContest,
  persisted,
  submitResults,
  tomorrow,
} from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import {
  countIndicator,
  percentIndicator,
  relativeCriterion,
  selfAssessed,
  targetCriterion,
  testScheme,
  yesNoCriterion,
  yesNoIndicator,
} from '../support/scheme.ts';
import { eventually, startSystem, tokenFor, type RunningSystem } from '../support/system.ts';

const year = 2026;
const periodId = `${year}-FY`;
const scheme = testScheme(year, {
  indicators: [
    countIndicator('newPartyMembersAdmitted'),
    percentIndicator('staffReductionPercent', 'Tỷ lệ tinh giản biên chế'),
    yesNoIndicator('workProgrammeCompleted', 'Hoàn thành chương trình công tác'),
  ],
  criteria: [
    targetCriterion('1.1', '50', 'newPartyMembersAdmitted', '1000'),
    selfAssessed('1.2', '20'),
    relativeCriterion('1.3', '20', 'staffReductionPercent', 'Tinh giản biên chế'),
    yesNoCriterion('1.4', '10', 'workProgrammeCompleted', 'Chương trình công tác'),
  ],
});

// Two clusters: a unit of the second must not get the first one's files.
const members = cluster2.members.slice(0, 6).map((m) => ({
  unitCode: m.code,
  name: `Ban Tổ chức Tỉnh ủy ${m.province}`,
}));
const otherCluster = [{ unitCode: 'ca-mau', name: 'Ban Tổ chức Tỉnh ủy Cà Mau' }];

const rankingQuery = operationDocument('Ranking');
const scorecardQuery = operationDocument('Scorecard');

interface Entry {
  unitCode: string;
  unitName: string;
  status: string;
  rank: number | null;
  total: string | null;
  criteriaSum: string | null;
  deductions: string | null;
  classification: string | null;
}

const classificationVi: Record<string, string> = {
  XUAT_SAC: 'Xuất sắc',
  TOT: 'Tốt',
  HOAN_THANH: 'Hoàn thành',
  KHONG_HOAN_THANH: 'Không hoàn thành',
};

describe('Excel and Word files over HTTP', () => {
  let system: RunningSystem;
  let origin: string;

  /** GETs a file route as `as` (a unit's code, `central`, or null for no token). */
  async function get(path: string, as: string | null = 'central'): Promise<Response> {
    const headers: Record<string, string> = {};
    if (as !== null) headers.authorization = `Bearer ${await tokenFor(as)}`;
    return fetch(`${origin}${path}`, { headers });
  }

  async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook;
  }

  beforeAll(async () => {
    system = await startSystem();
    origin = new URL(system.gateway.url()).origin;
    await openContest(system, {
      clusterCode: 'cum-2',
      name: 'Cụm thi đua số 2',
      year,
      members,
      lead: members[0]?.unitCode,
      scheme,
      periodId,
    });
    await defineCluster(system, {
      clusterCode: 'cum-9',
      name: 'Cụm thi đua số 9',
      year,
      members: otherCluster,
      lead: 'ca-mau',
    });
    // Every member but the last reports, with figures that give different ranks.
    for (const [index, member] of members.slice(0, -1).entries()) {
      const figures = {
        newPartyMembersAdmitted: String(600 + 97 * index),
        staffReductionPercent: `${5 + index}.25`,
        workProgrammeCompleted: index % 2 === 0 ? '1' : '0',
      };
      expect(
        await submitResults(system, member.unitCode, periodId, figures, {
          '1.2': `${12 + index}.50`,
        }),
      ).toMatchObject({ __typename: 'SubmissionAccepted' });
    }
    await eventually(async () => {
      const answer = await system.graphql(rankingQuery, { cluster: 'cum-2', period: periodId });
      const entries = (answer.data?.ranking as { entries: Entry[] } | null)?.entries ?? [];
      return entries.filter((e) => e.status === 'RANKED').length === members.length - 1
        ? true
        : undefined;
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test('the ranking export holds exactly the API ranking, with its title, frozen headings and two-decimal figures', async () => {
    const answer = await system.graphql(rankingQuery, { cluster: 'cum-2', period: periodId });
    const { entries } = answer.data?.ranking as { entries: Entry[] };
    const workbook = await workbookOf(
      await get(`/exports/ranking.xlsx?cluster=cum-2&period=${periodId}`),
    );
    const sheet = workbook.getWorksheet('Xếp hạng');
    expect(sheet).toBeDefined();
    if (sheet === undefined) return;
    expect(sheet.getCell('A1').text).toContain('CỤM THI ĐUA SỐ 2');
    expect(sheet.getCell('A2').text).toContain('Cả năm 2026');
    expect(sheet.getCell('A4').text).toMatch(/^Xuất lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    const headerRow = 5;
    expect(sheet.getRow(headerRow).getCell(1).value).toBe('Hạng');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const ranked = entries.filter((e) => e.status === 'RANKED');
    ranked.forEach((entry, index) => {
      const row = sheet.getRow(headerRow + 1 + index);
      expect(row.getCell(1).value).toBe(entry.rank);
      expect(row.getCell(2).value).toBe(entry.unitCode);
      expect(row.getCell(3).value).toBe(entry.unitName);
      expect(row.getCell(4).value).toBe(Number(entry.total));
      expect(row.getCell(4).numFmt).toBe('#,##0.00');
      expect(row.getCell(5).value).toBe(Number(entry.criteriaSum));
      expect(row.getCell(6).value).toBe(Number(entry.deductions));
      expect(row.getCell(7).value).toBe(classificationVi[entry.classification ?? '']);
    });
    const missing = sheet.getRow(headerRow + 1 + ranked.length);
    expect(missing.getCell(2).value).toBe(members.at(-1)?.unitCode);
    expect(missing.getCell(7).value).toBe('Chưa nộp báo cáo');
    expect(sheet.getRow(headerRow + 2 + ranked.length).getCell(2).value).toBeNull();
  });

  test('the scorecards export holds every criterion points of the API, with the formula as a note', async () => {
    const workbook = await workbookOf(
      await get(`/exports/scorecards.xlsx?cluster=cum-2&period=${periodId}`),
    );
    const sheet = workbook.getWorksheet('Bảng điểm');
    if (sheet === undefined) throw new Error('no sheet Bảng điểm');
    const headerRow = 5;
    const headings = sheet.getRow(headerRow).values as unknown[];
    expect(String(headings[3])).toBe('1.1. Kết nạp đảng viên (tối đa 50)');
    // Units in Vietnamese order of their names.
    const names = members.map((m) => m.name).sort(new Intl.Collator('vi').compare);
    for (const [index, name] of names.entries()) {
      const row = sheet.getRow(headerRow + 1 + index);
      expect(row.getCell(2).value).toBe(name);
      const unit = row.getCell(1).text;
      const answer = await system.graphql(scorecardQuery, { unit, period: periodId });
      const scorecard = answer.data?.scorecard as {
        criteriaSum: string;
        bonus: string;
        deductions: string;
        total: string;
        criteria: { code: string; points: string; formula: string }[];
      } | null;
      if (scorecard === null) {
        expect(unit).toBe(members.at(-1)?.unitCode);
        expect(row.getCell(11).value).toBe('Chưa nộp báo cáo');
        continue;
      }
      scheme.headings[0]?.criteria.forEach((criterion, c) => {
        const line = scorecard.criteria.find((l) => l.code === criterion.code);
        const cell = row.getCell(3 + c);
        expect(cell.value).toBe(Number(line?.points));
        expect(cell.numFmt).toBe('#,##0.00');
        expect(typeof cell.note === 'string' ? cell.note : '').toContain(line?.formula);
      });
      expect([7, 8, 9, 10].map((column) => row.getCell(column).value)).toEqual(
        [scorecard.criteriaSum, scorecard.bonus, scorecard.deductions, scorecard.total].map(Number),
      );
    }
  });

  test('the summary export holds the API summary: counts, classifications, indicator totals and leaders; over all clusters for the central board only', async () => {
    const summary = await eventually(async () => {
      // Not the persisted Summary: this test also reads the leaders.
      const answer = await system.graphql(
        `query($period: String!) { summary(period: $period, cluster: "cum-2") {
          members submitted onTime late missing averageTotal
          classifications { xuatSac tot hoanThanh khongHoanThanh }
          indicators { code rollUp reported value } leaders { unitCode unitName total } } }`,
        { period: periodId },
      );
      const found = answer.data?.summary as {
        members: number;
        submitted: number;
        onTime: number;
        late: number;
        missing: number;
        averageTotal: string;
        classifications: Record<string, number>;
        indicators: { code: string; rollUp: string; reported: number; value: string }[];
        leaders: { unitCode: string; unitName: string; total: string }[];
      } | null;
      return found !== null && found.submitted === members.length - 1 ? found : undefined;
    });
    const workbook = await workbookOf(
      await get(`/exports/summary.xlsx?cluster=cum-2&period=${periodId}`, members[1]?.unitCode),
    );
    const sheet = workbook.getWorksheet('Tổng hợp');
    if (sheet === undefined) throw new Error('no sheet Tổng hợp');
    expect(sheet.getCell('A1').text).toBe('BÁO CÁO TỔNG HỢP – CỤM THI ĐUA SỐ 2');
    const cells = new Map<string, unknown>();
    sheet.eachRow((row, number) => {
      if (number > 4)
        cells.set(`${row.getCell(1).text}|${row.getCell(2).text}`, row.getCell(3).value);
    });
    expect(cells.get('Số đơn vị|')).toBe(summary.members);
    expect(cells.get('Đã nộp báo cáo|')).toBe(summary.submitted);
    expect(cells.get('Nộp đúng hạn|')).toBe(summary.onTime);
    expect(cells.get('Chưa nộp|')).toBe(summary.missing);
    expect(cells.get('Xếp loại Xuất sắc|')).toBe(summary.classifications.xuatSac);
    expect(cells.get('Xếp loại Tốt|')).toBe(summary.classifications.tot);
    expect(cells.get('Tổng điểm bình quân|')).toBe(Number(summary.averageTotal));
    // Each indicator the way it rolls up: the count summed, the percentage averaged over the
    // units that reported it, the yes/no as "n / m đơn vị".
    const byCode = new Map(summary.indicators.map((i) => [i.code, i]));
    const admitted = byCode.get('newPartyMembersAdmitted');
    const reduction = byCode.get('staffReductionPercent');
    const programme = byCode.get('workProgrammeCompleted');
    expect([admitted?.rollUp, reduction?.rollUp, programme?.rollUp]).toEqual([
      'SUM',
      'AVERAGE',
      'YES_COUNT',
    ]);
    expect(cells.get(`Tổng chỉ tiêu: Đảng viên mới kết nạp|newPartyMembersAdmitted`)).toBe(
      Number(admitted?.value),
    );
    expect(
      cells.get(
        `Bình quân chỉ tiêu (${reduction?.reported} đơn vị báo cáo): Tỷ lệ tinh giản biên chế|staffReductionPercent`,
      ),
    ).toBe(Number(reduction?.value));
    expect(
      cells.get(`Số đơn vị đạt chỉ tiêu: Hoàn thành chương trình công tác|workProgrammeCompleted`),
    ).toBe(`${Number(programme?.value)} / ${programme?.reported} đơn vị`);
    for (const leader of summary.leaders) {
      expect(cells.get(`Dẫn đầu: ${leader.unitName}|${leader.unitCode}`)).toBe(
        Number(leader.total),
      );
    }
    const allClusters = await get(`/exports/summary.xlsx?period=${periodId}`, members[0]?.unitCode);
    expect(allClusters.status).toBe(403);
  });

  /** POSTs a workbook to the import as `as`, with optional extra fields. */
  async function importFile(
    file: ArrayBuffer | Buffer,
    as: string | null,
    fields: Record<string, string> = {},
  ): Promise<Response> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(file)]), 'ket-qua.xlsx');
    const headers: Record<string, string> = {};
    if (as !== null) headers.authorization = `Bearer ${await tokenFor(as)}`;
    return fetch(`${origin}/imports/submission`, { method: 'POST', headers, body: form });
  }

  async function versionsOf(unit: string): Promise<number> {
    const answer = await system.graphql(operationDocument('Submissions'), {
      unit,
      period: periodId,
    });
    return (answer.data?.submissions as { totalCount: number }).totalCount;
  }

  /** The unit's template, with `values` typed into column D by code. */
  async function filledTemplate(unit: string, values: Record<string, unknown>) {
    const workbook = await workbookOf(
      await get(`/templates/submission.xlsx?unit=${unit}&period=${periodId}`, unit),
    );
    const sheet = workbook.getWorksheet('Kết quả');
    if (sheet === undefined) throw new Error('no sheet Kết quả');
    const cells: Record<string, string> = {};
    sheet.eachRow((row, number) => {
      const code = row.getCell(2).text;
      if (code in values) {
        row.getCell(4).value = values[code] as ExcelJS.CellValue;
        cells[code] = `Kết quả!D${number}`;
      }
    });
    return { workbook, cells, file: await workbook.xlsx.writeBuffer() };
  }

  const lastUnit = () => members.at(-1)?.unitCode ?? '';

  test('the template is the unit form: codes, titles, ranges, data validation, a hidden lookup sheet and the instructions', async () => {
    const workbook = await workbookOf(
      await get(`/templates/submission.xlsx?unit=${lastUnit()}&period=${periodId}`, lastUnit()),
    );
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Kết quả', 'visible'],
      ['Danh mục', 'hidden'],
      ['Hướng dẫn', 'visible'],
    ]);
    const sheet = workbook.getWorksheet('Kết quả');
    if (sheet === undefined) throw new Error('no sheet Kết quả');
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      'STT',
      'Mã',
      'Nội dung',
      'Giá trị',
      'Đơn vị tính',
      'Giá trị cho phép',
    ]);
    const codes = [6, 7, 8, 9].map((row) => sheet.getCell(`B${row}`).text);
    expect(codes).toEqual([
      'newPartyMembersAdmitted',
      'staffReductionPercent',
      'workProgrammeCompleted',
      '1.2',
    ]);
    expect(sheet.getCell('F6').text).toBe('0 – 30000');
    expect(sheet.getCell('D6').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [0, 30000],
    });
    expect(sheet.getCell('D8').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$H$2:$H$3"],
    });
    expect(sheet.getCell('F9').text).toBe('0 – 20');
  });

  test('a filled template is refused whole, naming each bad cell in both languages, and records nothing', async () => {
    const { file, cells } = await filledTemplate(lastUnit(), {
      newPartyMembersAdmitted: 640,
      staffReductionPercent: 'nhiều',
      workProgrammeCompleted: 'Có',
      '1.2': 25,
    });
    const refused = await importFile(file, lastUnit());
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as {
      error: {
        code: string;
        messageVi: string;
        fields: { cell: string; message: string; messageVi: string }[];
      };
    };
    expect(error.code).toBe('VALIDATION');
    expect(error.fields.map((f) => f.cell)).toEqual([cells.staffReductionPercent]);
    expect(error.messageVi).toContain(`${cells.staffReductionPercent}: "nhiều" không phải là số`);
    // The text is fixed; the self-score above its maximum is refused by the command, by its cell.
    const again = await filledTemplate(lastUnit(), {
      newPartyMembersAdmitted: 640,
      staffReductionPercent: '7,5',
      workProgrammeCompleted: 'Có',
      '1.2': 25,
    });
    const overMaximum = await importFile(again.file, lastUnit());
    expect(overMaximum.status).toBe(400);
    const body = (await overMaximum.json()) as {
      error: { fields: { cell: string; path: string; messageVi: string }[] };
    };
    expect(body.error.fields).toEqual([
      expect.objectContaining({ cell: again.cells['1.2'], path: 'selfScores.1.2' }),
    ]);
    expect(await versionsOf(lastUnit())).toBe(0);
  });

  test('template → filled by a program → import: accepted with its version, and the scorecard counts the values', async () => {
    const { file } = await filledTemplate(lastUnit(), {
      newPartyMembersAdmitted: 1250,
      staffReductionPercent: '9,04',
      workProgrammeCompleted: 'Có',
      '1.2': 17.5,
    });
    const accepted = await importFile(file, lastUnit(), { expectedVersion: '0' });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      result: { __typename: 'SubmissionAccepted', unitCode: lastUnit(), version: 1, onTime: true },
    });
    expect(await versionsOf(lastUnit())).toBe(1);
    const scorecard = await eventually(async () => {
      const answer = await system.graphql(scorecardQuery, { unit: lastUnit(), period: periodId });
      return (answer.data?.scorecard ?? undefined) as
        { criteria: { code: string; points: string }[] } | undefined;
    });
    // 1.1: 50 × min(1250 / 1000, 1); 1.2: the self-score; 1.4: yes.
    expect(scorecard.criteria.find((c) => c.code === '1.1')?.points).toBe('50.00');
    expect(scorecard.criteria.find((c) => c.code === '1.2')?.points).toBe('17.50');
    expect(scorecard.criteria.find((c) => c.code === '1.4')?.points).toBe('10.00');
    // The same file again with the version it saw is a conflict, and records nothing more.
    const stale = await importFile(file, lastUnit(), { expectedVersion: '0' });
    expect(stale.status).toBe(409);
    expect(await versionsOf(lastUnit())).toBe(1);
  });

  test('refuses a file that is not a workbook, a corrupt one, a renamed sheet, a formula, a hidden row and macros with a clear 400, a JSON body with 415, another unit template with 403, and records nothing', async () => {
    const text = await importFile(Buffer.from('STT;Mã;Giá trị\n1;a;2\n'), lastUnit());
    expect(text.status).toBe(400);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe('NOT_XLSX');
    const { workbook, file } = await filledTemplate(lastUnit(), {});
    const cut = Buffer.from(file).subarray(0, Math.floor(file.byteLength / 2));
    expect((await importFile(cut, lastUnit())).status).toBe(400);
    const sheet = workbook.getWorksheet('Kết quả');
    if (sheet !== undefined) sheet.name = 'Ket qua';
    const renamed = await importFile(await workbook.xlsx.writeBuffer(), lastUnit());
    expect(renamed.status).toBe(400);
    expect(((await renamed.json()) as { error: { messageVi: string } }).error.messageVi).toContain(
      'Không có trang "Kết quả"',
    );
    const formula = await filledTemplate(lastUnit(), {
      newPartyMembersAdmitted: { formula: '600+40', result: 640 },
    });
    const withFormula = await importFile(formula.file, lastUnit());
    expect(withFormula.status).toBe(400);
    expect(
      ((await withFormula.json()) as { error: { messageVi: string } }).error.messageVi,
    ).toContain(`${formula.cells.newPartyMembersAdmitted}: Ô chứa công thức`);
    const hidden = await filledTemplate(lastUnit(), {});
    const hiddenSheet = hidden.workbook.getWorksheet('Kết quả');
    if (hiddenSheet !== undefined) hiddenSheet.getRow(7).hidden = true;
    const withHiddenRow = await importFile(await hidden.workbook.xlsx.writeBuffer(), lastUnit());
    expect(withHiddenRow.status).toBe(400);
    expect(
      ((await withHiddenRow.json()) as { error: { messageVi: string } }).error.messageVi,
    ).toContain('Dòng 7 bị ẩn');
    const macros = new PizZip(file);
    macros.file('xl/vbaProject.bin', 'macro');
    const xlsm = await importFile(macros.generate({ type: 'nodebuffer' }), lastUnit());
    expect(xlsm.status).toBe(400);
    expect(((await xlsm.json()) as { error: { code: string } }).error.code).toBe(
      'MACROS_NOT_ALLOWED',
    );
    const notMultipart = await fetch(`${origin}/imports/submission`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(lastUnit())}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(notMultipart.status).toBe(415);
    expect(await versionsOf(lastUnit())).toBe(1);
    const otherUnits = await importFile(file, members[0]?.unitCode ?? '');
    expect(otherUnits.status).toBe(403);
    const noToken = await importFile(file, null);
    expect(noToken.status).toBe(401);
    const stranger = await get(
      `/templates/submission.xlsx?unit=${lastUnit()}&period=${periodId}`,
      'ca-mau',
    );
    expect(stranger.status).toBe(403);
  });

  test('a 50 MB file is refused with 413 in both languages from its declared length, before it is read, and records nothing', async () => {
    const before = await versionsOf(lastUnit());
    // Only the start of the body is sent: the answer must come before the rest would be read.
    const boundary = 'thidua-50mb';
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      void tokenFor(lastUnit()).then((token) => {
        const request = httpRequest(`${origin}/imports/submission`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(50 * 1024 * 1024),
          },
        });
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            });
            request.destroy();
          });
        });
        request.on('error', reject);
        request.write(
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="lon.xlsx"\r\n\r\n`,
        );
        request.write(Buffer.alloc(64 * 1024, 0x50));
      }, reject);
    });
    expect(answer.status).toBe(413);
    const { error } = JSON.parse(answer.body) as {
      error: { code: string; message: string; messageVi: string };
    };
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('the file is over 5 MB');
    expect(error.messageVi).toBe('Tệp vượt quá 5 MB');
    expect(await versionsOf(lastUnit())).toBe(before);
  });

  test("the cluster's lead records a unit's paper report with its received-at, which counts for lateness; the scorecard and the exports say who recorded it from paper; the unit never can, and a template of another unit or period is refused", async () => {
    const lead = members[0]?.unitCode ?? '';
    const { file } = await filledTemplate(lastUnit(), {
      newPartyMembersAdmitted: 1100,
      staffReductionPercent: '8,5',
      workProgrammeCompleted: 'Có',
      '1.2': 16,
    });
    const before = await versionsOf(lastUnit());
    const errorOf = async (response: Response) =>
      ((await response.json()) as { error: { code: string; message: string; messageVi: string } })
        .error;

    // The unit itself, another member, a moment in the future or before the period opened.
    const receivedAt = new Date(Date.now() - 1000).toISOString();
    const byItself = await importFile(file, lastUnit(), { receivedAt });
    expect(byItself.status).toBe(403);
    expect((await errorOf(byItself)).message).toBe(
      'a unit cannot record a paper report for itself; it submits its results itself',
    );
    const byMember = await importFile(file, members[1]?.unitCode ?? '', { receivedAt });
    expect(byMember.status).toBe(403);
    const future = await importFile(file, lead, {
      receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect((await errorOf(future)).messageVi).toMatch(/Thời điểm nhận báo cáo .* ở tương lai/);
    const beforeOpening = await importFile(file, lead, {
      receivedAt: '2026-01-01T08:00:00+07:00',
    });
    expect(beforeOpening.status).toBe(400);
    expect((await errorOf(beforeOpening)).message).toContain('is before the period opened');
    const malformed = await importFile(file, lead, { receivedAt: '14/12/2026' });
    expect(malformed.status).toBe(400);
    // A template of another unit or period than the caller says, or another unit's of its own.
    const otherUnit = await importFile(file, lead, { receivedAt, unit: lead });
    expect(otherUnit.status).toBe(400);
    const unitMismatch = await errorOf(otherUnit);
    expect(unitMismatch.code).toBe('TEMPLATE_MISMATCH');
    expect(unitMismatch.messageVi).toBe(
      `Tệp này là mẫu báo cáo của đơn vị ${lastUnit()} kỳ ${periodId}: đơn vị là ${lastUnit()}, không phải ${lead}; hãy tải mẫu của ${lead}`,
    );
    const otherPeriod = await importFile(file, lastUnit(), { period: `${year}-H1` });
    expect(otherPeriod.status).toBe(400);
    expect((await errorOf(otherPeriod)).message).toContain(
      `its period is ${periodId}, not ${year}-H1`,
    );
    const anotherUnits = await importFile(file, lead);
    expect(anotherUnits.status).toBe(403);
    const anotherUnitsError = await errorOf(anotherUnits);
    expect(anotherUnitsError.code).toBe('TEMPLATE_OF_ANOTHER_UNIT');
    expect(anotherUnitsError.messageVi).toBe(
      `Tệp này là mẫu báo cáo của đơn vị ${lastUnit()} kỳ ${periodId}, không phải của đơn vị ${lead}: hãy nhập mẫu của chính đơn vị mình (cụm trưởng ghi nhận báo cáo giấy của đơn vị thành viên thì gửi kèm receivedAt)`,
    );
    expect(await versionsOf(lastUnit())).toBe(before);

    // The deadline passed a moment before the report came: recorded later, it is late by its date.
    const deadline = new Date(Date.parse(receivedAt) - 1000).toISOString();
    expect(
      await persisted(system, 'SetDeadline', { clusterCode: 'cum-2', periodId, deadline }),
    ).toMatchObject({ __typename: 'PeriodPayload' });
    const recorded = await importFile(file, lead, { receivedAt });
    expect(recorded.status).toBe(200);
    expect(await recorded.json()).toMatchObject({
      result: { __typename: 'SubmissionAccepted', version: before + 1, onTime: false },
    });
    const scorecard = await eventually(async () => {
      // Not the persisted Scorecard: this test also reads when the paper report was recorded.
      const answer = await system.graphql(
        `query($unit: String!, $period: String!) { scorecard(unit: $unit, period: $period) {
           submissionVersion submittedAt onTime lateness paperReport { recordedBy receivedAt recordedAt } } }`,
        { unit: lastUnit(), period: periodId },
      );
      const found = answer.data?.scorecard as {
        submissionVersion: number;
        submittedAt: string;
        onTime: boolean;
        lateness: string;
        paperReport: { recordedBy: string; receivedAt: string; recordedAt: string } | null;
      } | null;
      return found?.submissionVersion === before + 1 ? found : undefined;
    });
    expect(Date.parse(scorecard.submittedAt)).toBe(Date.parse(receivedAt));
    expect(scorecard.onTime).toBe(false);
    expect(Number(scorecard.lateness)).toBeGreaterThan(0);
    expect(scorecard.paperReport?.recordedBy).toBe(lead);
    expect(Date.parse(scorecard.paperReport?.receivedAt ?? '')).toBe(Date.parse(receivedAt));
    expect(Date.parse(scorecard.paperReport?.recordedAt ?? '')).toBeGreaterThan(
      Date.parse(receivedAt),
    );

    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(receivedAt));
    const note = `Do ${members[0]?.name ?? ''} ghi nhận từ báo cáo giấy nhận ngày ${day}`;
    const scorecards = await workbookOf(
      await get(`/exports/scorecards.xlsx?cluster=cum-2&period=${periodId}`),
    );
    const noteColumn = 3 + 4 + 5;
    const notes = new Map<string, string>();
    scorecards.getWorksheet('Bảng điểm')?.eachRow((row, number) => {
      if (number > 5) notes.set(row.getCell(1).text, row.getCell(noteColumn).text);
    });
    expect(notes.get(lastUnit())).toBe(note);
    expect(notes.get(lead)).toBe('');
    const ranking = await eventually(async () => {
      const workbook = await workbookOf(
        await get(`/exports/ranking.xlsx?cluster=cum-2&period=${periodId}`),
      );
      const rows = new Map<string, string>();
      workbook.getWorksheet('Xếp hạng')?.eachRow((row, number) => {
        if (number > 5) rows.set(row.getCell(2).text, row.getCell(9).text);
      });
      return rows.get(lastUnit()) === note ? rows : undefined;
    });
    expect(ranking.get(lead)).toBe('');

    // The deadline goes back a day ahead: moved just before this report, it may fall before the
    // other members' own reports of a fast run, and no late unit is proposed for an award.
    const restored = await persisted(system, 'SetDeadline', {
      clusterCode: 'cum-2',
      periodId,
      deadline: tomorrow(),
    });
    expect(restored).toMatchObject({ __typename: 'PeriodPayload' });
  });

  /** The text of a .docx answer's body, tags removed. */
  async function documentText(response: Response): Promise<string> {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const zip = new PizZip(await response.arrayBuffer());
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    return xml.replace(/<[^>]+>/g, '');
  }

  const vietnameseNumber = (decimal: string) => {
    const [whole = '', fraction = ''] = decimal.split('.');
    return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${fraction}`;
  };

  test('the meeting minutes (.docx) carry the Decree 30 head, the cluster, every member and the ranking lines of the API', async () => {
    const answer = await system.graphql(rankingQuery, { cluster: 'cum-2', period: periodId });
    const { entries } = answer.data?.ranking as { entries: Entry[] };
    const text = await documentText(
      await get(`/documents/meeting-minutes.docx?cluster=cum-2&period=${periodId}`, lastUnit()),
    );
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('CỤM THI ĐUA SỐ 2');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain(`- ${members[0]?.name ?? ''} (Cụm trưởng)`);
    for (const entry of entries.filter((e) => e.status === 'RANKED')) {
      const line = `${entry.rank}${entry.unitName}${vietnameseNumber(entry.total ?? '')}${classificationVi[entry.classification ?? '']}`;
      expect(text).toContain(line);
    }
    const stranger = await get(
      `/documents/meeting-minutes.docx?cluster=cum-2&period=${periodId}`,
      'ca-mau',
    );
    expect(stranger.status).toBe(403);
  });

  test('the meeting minutes list each reviewed value and self-score with its reviewer and reason, the returned reports and those recorded from paper', async () => {
    const lead = members[0];
    const reviewed = members[1];
    const byLead = (operation: string, variables: Record<string, unknown>) =>
      persisted(system, operation, { periodId, ...variables }, lead?.unitCode);
    const review = await byLead('ReviewIndicator', {
      unitCode: reviewed?.unitCode,
      indicator: 'staffReductionPercent',
      reviewedValue: '5.10',
      reason: 'Theo số liệu của Sở Nội vụ',
    });
    expect(review).toMatchObject({ __typename: 'IndicatorReviewed' });
    const scoreReview = await byLead('ReviewScore', {
      unitCode: reviewed?.unitCode,
      criterion: '1.2',
      reviewedScore: '11.50',
      reason: 'Chưa có minh chứng cho hai nội dung',
    });
    expect(scoreReview).toMatchObject({ __typename: 'ScoreReviewed' });
    const returnedUnit = members[2];
    const returned = await byLead('ReturnSubmission', {
      unitCode: returnedUnit?.unitCode,
      reason: 'Giải trình số đảng viên mới kết nạp',
    });
    expect(returned).toMatchObject({ __typename: 'SubmissionReturned' });
    const line = `${reviewed?.name}: Tỷ lệ tinh giản biên chế từ 6,25 thành 5,10 (${lead?.name} thẩm định; lý do: Theo số liệu của Sở Nội vụ)`;
    const text = await eventually(async () => {
      const found = await documentText(
        await get(`/documents/meeting-minutes.docx?cluster=cum-2&period=${periodId}`),
      );
      return found.includes(line) ? found : undefined;
    });
    expect(text).toContain('Kết quả thẩm định (giá trị được thay và lý do):');
    expect(text).toContain(
      `${reviewed?.name}: điểm tự chấm tiêu chí 1.2. Tự đánh giá thành 11,50 (${lead?.name} thẩm định; lý do: Chưa có minh chứng cho hai nội dung)`,
    );
    const lastName = members.at(-1)?.name ?? '';
    expect(text).toMatch(
      new RegExp(
        `${lastName}: Do ${lead?.name ?? ''} ghi nhận từ báo cáo giấy nhận ngày \\d\\d/\\d\\d/${year}`,
      ),
    );
    expect(text).toContain(
      `${returnedUnit?.name}: ${lead?.name} trả lại; lý do: Giải trình số đảng viên mới kết nạp`,
    );
    expect(text).toContain('Không có trường hợp bằng điểm phải biểu quyết.');
  });

  test('once the year is closed, the award proposal (.docx) lists the proposed lines with rank, total and classification', async () => {
    const early = await get(`/documents/award-proposal.docx?cluster=cum-2&year=${year}`);
    expect(early.status).toBe(404);
    expect(
      await persisted(system, 'ClosePeriod', { clusterCode: 'cum-2', periodId }),
    ).toMatchObject({ __typename: 'PeriodPayload' });
    // The first sheet may come before the awards service has every final scorecard (a busy
    // machine delays its consumers): wait for the proposed lines.
    const lines = await eventually(
      async () => {
        const answer = await system.graphql(operationDocument('Awards'), {
          cluster: 'cum-2',
          year,
        });
        const found = (
          answer.data?.awards as { lines: { rank: number; unitCode: string }[] } | null
        )?.lines;
        return found !== undefined && found.length > 0 ? found : undefined;
      },
      { timeoutMs: 100_000 },
    );
    const text = await documentText(
      await get(`/documents/award-proposal.docx?cluster=cum-2&year=${year}`),
    );
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain(`Đề nghị khen thưởng thi đua năm ${year} của Cụm thi đua số 2`);
    for (const line of lines) {
      const name = members.find((m) => m.unitCode === line.unitCode)?.name ?? '';
      expect(text).toContain(`${line.rank}${name}`);
    }
  });

  interface AwardSheetAnswer {
    meritSeats: number;
    lines: {
      rank: number;
      unitCode: string;
      proposed: string;
      status: string;
      byVote: boolean;
      granted: string | null;
      decision: {
        decision: string;
        decisionNumber: string;
        decidedOn: string;
        signer: string;
        reason: string;
      } | null;
    }[];
  }

  // Not the persisted Awards: this test also reads which lines a vote decided.
  const awardSheetQuery = /* GraphQL */ `
    query ($year: Int!) {
      awards(cluster: "cum-2", year: $year) {
        meritSeats
        lines {
          rank
          unitCode
          proposed
          status
          byVote
          granted
          decision {
            decision
            decisionNumber
            decidedOn
            signer
            reason
          }
        }
      }
    }
  `;

  test('once the central board decides, the awards export holds every line of the API award sheet with its decision, and the award decision (.docx, .pdf) names the approved units with number, date and signer', async () => {
    const undecided = await get(`/documents/award-decision.docx?cluster=cum-2&year=${year}`);
    expect(undecided.status).toBe(404);
    expect(
      ((await undecided.json()) as { error: { messageVi: string } }).error.messageVi,
    ).toContain('Chưa có đơn vị nào');
    const proposed = await eventually(async () => {
      const answer = await system.graphql(awardSheetQuery, { year });
      return (answer.data?.awards as AwardSheetAnswer | null)?.lines.find(
        (line) => line.status === 'PROPOSED',
      );
    });
    const decided = await persisted(system, 'DecideAward', {
      clusterCode: 'cum-2',
      year,
      unitCode: proposed.unitCode,
      award: proposed.proposed,
      decision: 'APPROVE',
      reason: 'Theo đề nghị của Cụm',
      decisionNumber: '125/QĐ-BTCTW',
      decidedOn: '2027-01-20',
      signer: 'Nguyễn Văn Ký',
    });
    expect(decided).toMatchObject({ __typename: 'AwardsPayload' });
    const sheetAnswer = await eventually(async () => {
      const answer = await system.graphql(awardSheetQuery, { year });
      const found = answer.data?.awards as AwardSheetAnswer | null;
      return found?.lines.some((line) => line.granted !== null) === true ? found : undefined;
    });
    const workbook = await workbookOf(
      await get(`/exports/awards.xlsx?cluster=cum-2&year=${year}`, members[2]?.unitCode),
    );
    const sheet = workbook.getWorksheet('Khen thưởng');
    if (sheet === undefined) throw new Error('no sheet Khen thưởng');
    expect(sheet.getCell('A1').text).toBe(
      `DANH SÁCH ĐỀ NGHỊ VÀ QUYẾT ĐỊNH KHEN THƯỞNG NĂM ${year} – CỤM THI ĐUA SỐ 2`,
    );
    expect(sheet.getCell('A2').text).toContain(`số suất Bằng khen: ${sheetAnswer.meritSeats}`);
    const headerRow = 5;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const awardVi: Record<string, string> = { FLAG: 'Cờ thi đua', MERIT: 'Bằng khen' };
    sheetAnswer.lines.forEach((line, index) => {
      const row = sheet.getRow(headerRow + 1 + index);
      expect(row.getCell(1).value).toBe(line.rank);
      expect(row.getCell(2).value).toBe(line.unitCode);
      expect(row.getCell(3).value).toBe(members.find((m) => m.unitCode === line.unitCode)?.name);
      expect(row.getCell(4).value).toBe(awardVi[line.proposed]);
      expect(row.getCell(5).value).toBe(line.status === 'TIED' ? 'Chờ biểu quyết' : 'Đề nghị');
      expect(row.getCell(6).value).toBe(line.decision === null ? 'Chưa quyết định' : 'Đồng ý');
      expect(row.getCell(7).text).toBe(line.decision?.decisionNumber ?? '');
      expect(row.getCell(8).text).toBe(line.decision === null ? '' : '20/01/2027');
      expect(row.getCell(9).text).toBe(line.decision?.signer ?? '');
      expect(row.getCell(10).text).toBe(line.decision?.reason ?? '');
      expect(row.getCell(11).text).toBe(line.granted === null ? '' : awardVi[line.granted]);
    });
    expect(sheet.getRow(headerRow + 1 + sheetAnswer.lines.length).getCell(2).value).toBeNull();
    const awardsPath = `/exports/awards.xlsx?cluster=cum-2&year=${year}`;
    expect((await get(awardsPath, 'ca-mau')).status).toBe(403);
    expect((await get(awardsPath, null)).status).toBe(401);
    const badYear = await get('/exports/awards.xlsx?cluster=cum-2&year=26');
    expect(badYear.status).toBe(400);
    expect(((await badYear.json()) as { error: { messageVi: string } }).error.messageVi).toBe(
      'Tham số year=26 không phải năm, ví dụ year=2026',
    );
    const noSheet = await get(`/exports/awards.xlsx?cluster=cum-2&year=${year - 1}`);
    expect(noSheet.status).toBe(404);

    const decisionPath = `/documents/award-decision.docx?cluster=cum-2&year=${year}`;
    const text = await documentText(await get(decisionPath, proposed.unitCode));
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Số: 125/QĐ-BTCTW');
    expect(text).toContain('Hà Nội, ngày 20 tháng 1 năm 2027');
    expect(text).toContain('Nguyễn Văn Ký');
    const name = members.find((m) => m.unitCode === proposed.unitCode)?.name ?? '';
    expect(text).toContain(
      `1${name}${awardVi[proposed.proposed]}${proposed.rank}125/QĐ-BTCTW, ngày 20/01/2027`,
    );
    // Only the approved line: no other unit is named in the table.
    for (const other of members.filter((m) => m.unitCode !== proposed.unitCode)) {
      expect(text).not.toContain(other.name);
    }
    const stranger = await get(decisionPath, 'ca-mau');
    expect(stranger.status).toBe(403);

    const pdf = await get(`${decisionPath}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(
      `quyet-dinh-khen-thuong-cum-2-${year}.pdf`,
    );
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const badFormat = await get(`${decisionPath}&format=odt`);
    expect(badFormat.status).toBe(400);
  });

  test("a secretariat's own template in DOCUMENT_TEMPLATES_DIR replaces the repository's, and a template it lacks still comes from the repository", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'thidua-templates-'));
    const repository = new PizZip(
      await readFile(
        new URL('../../services/gateway/templates/meeting-minutes.docx', import.meta.url),
      ),
    );
    const xml = repository.file('word/document.xml')?.asText() ?? '';
    expect(xml).toContain('BIÊN BẢN');
    repository.file(
      'word/document.xml',
      xml.replace('BIÊN BẢN', 'BIÊN BẢN HỌP CỦA BAN THƯ KÝ CỤM'),
    );
    await writeFile(
      join(folder, 'meeting-minutes.docx'),
      repository.generate({ type: 'nodebuffer' }),
    );
    const previous = process.env.DOCUMENT_TEMPLATES_DIR;
    process.env.DOCUMENT_TEMPLATES_DIR = folder;
    try {
      const own = await documentText(
        await get(`/documents/meeting-minutes.docx?cluster=cum-2&period=${periodId}`),
      );
      expect(own).toContain('BIÊN BẢN HỌP CỦA BAN THƯ KÝ CỤM');
      expect(own).toContain('Cụm thi đua số 2');
      const proposal = await documentText(
        await get(`/documents/award-proposal.docx?cluster=cum-2&year=${year}`),
      );
      expect(proposal).toContain('TỜ TRÌNH');
    } finally {
      if (previous === undefined) delete process.env.DOCUMENT_TEMPLATES_DIR;
      else process.env.DOCUMENT_TEMPLATES_DIR = previous;
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('without LibreOffice, format=pdf answers 501 in both languages and the .docx still comes', async () => {
    const previous = process.env.SOFFICE_PATH;
    process.env.SOFFICE_PATH = '/nonexistent/libreoffice/soffice';
    try {
      const path = `/documents/meeting-minutes.docx?cluster=cum-2&period=${periodId}`;
      const missing = await get(`${path}&format=pdf`);
      expect(missing.status).toBe(501);
      const { error } = (await missing.json()) as {
        error: { code: string; message: string; messageVi: string };
      };
      expect(error.code).toBe('PDF_NOT_AVAILABLE');
      expect(error.message).toContain('LibreOffice');
      expect(error.messageVi).toContain('chưa cài LibreOffice');
      expect((await get(path)).status).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.SOFFICE_PATH;
      else process.env.SOFFICE_PATH = previous;
    }
  });

  test('refuses without a token (401), to a unit of another cluster (403), a malformed period (400) and an unknown ranking (404), in both languages', async () => {
    const path = `/exports/ranking.xlsx?cluster=cum-2&period=${periodId}`;
    const noToken = await get(path, null);
    expect(noToken.status).toBe(401);
    const { error } = (await noToken.json()) as {
      error: { code: string; message: string; messageVi: string };
    };
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('bearer token');
    expect(error.messageVi).toContain('Đăng nhập');
    const forged = await fetch(`${origin}${path}`, { headers: { authorization: 'Bearer forged' } });
    expect(forged.status).toBe(401);
    for (const export_ of ['ranking', 'scorecards']) {
      const stranger = await get(
        `/exports/${export_}.xlsx?cluster=cum-2&period=${periodId}`,
        'ca-mau',
      );
      expect(stranger.status).toBe(403);
      const body = (await stranger.json()) as { error: { code: string; messageVi: string } };
      expect(body.error.code).toBe('FORBIDDEN');
      expect(body.error.messageVi).toMatch(/không được xem/);
    }
    const malformed = await get('/exports/ranking.xlsx?cluster=cum-2&period=2026-Q3');
    expect(malformed.status).toBe(400);
    expect(
      ((await malformed.json()) as { error: { messageVi: string } }).error.messageVi,
    ).toContain('period');
    const unknown = await get(`/exports/ranking.xlsx?cluster=cum-9&period=${periodId}`);
    expect(unknown.status).toBe(404);
  });

  test('the meeting minutes of a year with two units on equal totals record the awaited tie vote, then its result', async () => {
    const tied = cluster2.members.slice(6, 8).map((m) => ({
      unitCode: m.code,
      name: `Ban Tổ chức Tỉnh ủy ${m.province}`,
    }));
    const [first, second] = tied;
    if (first === undefined || second === undefined) throw new Error('two units expected');
    await openContest(system, {
      clusterCode: 'cum-3',
      name: 'Cụm thi đua số 3',
      year,
      members: tied,
      lead: first.unitCode,
      scheme: { ...scheme, code: 'files-tie-scheme', tieBreaks: [] },
      periodId,
    });
    for (const unit of tied) {
      const figures = {
        newPartyMembersAdmitted: '1000',
        staffReductionPercent: '6.50',
        workProgrammeCompleted: '1',
      };
      expect(
        await submitResults(system, unit.unitCode, periodId, figures, { '1.2': '20' }),
      ).toMatchObject({ __typename: 'SubmissionAccepted' });
    }
    await eventually(async () => {
      const answer = await system.graphql(rankingQuery, { cluster: 'cum-3', period: periodId });
      const entries = (answer.data?.ranking as { entries: Entry[] } | null)?.entries ?? [];
      return entries.filter((e) => e.status === 'RANKED').length === 2 ? true : undefined;
    });
    expect(
      await persisted(system, 'ClosePeriod', { clusterCode: 'cum-3', periodId }),
    ).toMatchObject({ __typename: 'PeriodPayload' });
    const pending = await eventually(async () => {
      const answer = await system.graphql(operationDocument('Awards'), { cluster: 'cum-3', year });
      return (
        (
          answer.data?.awards as {
            pendingVote: { award: string; rank: number; seats: number; units: string[] } | null;
          } | null
        )?.pendingVote ?? undefined
      );
    });
    expect(pending).toMatchObject({ award: 'FLAG', rank: 1, seats: 1 });
    const nameOf = (unit: string) => tied.find((m) => m.unitCode === unit)?.name ?? unit;
    const minutesPath = `/documents/meeting-minutes.docx?cluster=cum-3&period=${periodId}`;
    const awaiting = await documentText(await get(minutesPath, first.unitCode));
    expect(awaiting).toContain(
      `Chờ biểu quyết 1 suất Cờ thi đua hạng 1 giữa ${pending.units.map(nameOf).join(', ')}`,
    );
    const voted = await persisted(
      system,
      'RecordTieVote',
      { clusterCode: 'cum-3', year, award: 'FLAG', rank: 1, winners: [second.unitCode] },
      first.unitCode,
    );
    expect(voted).toMatchObject({ __typename: 'AwardsPayload' });
    const result = `${second.name}: đề nghị Cờ thi đua (hạng 1) theo kết quả biểu quyết của cụm`;
    const text = await eventually(async () => {
      const found = await documentText(await get(minutesPath, first.unitCode));
      return found.includes(result) ? found : undefined;
    });
    expect(text).not.toContain('Chờ biểu quyết');
  });
});
