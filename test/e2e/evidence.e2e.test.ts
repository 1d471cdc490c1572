import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { createDb } from '@thidua/kit';
import { sql, type Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineCluster, openContest, persisted, submitResults } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import {
  admitted,
  countCriterion,
  percentIndicator,
  selfAssessed,
  testScheme,
  yesNoCriterion,
  yesNoIndicator,
} from '../support/scheme.ts';
import { eventually, startSystem, tokenFor, type RunningSystem } from '../support/system.ts';

const year = 2027;
const periodId = `${year}-FY`;
const scheme = testScheme(year, {
  indicators: [
    admitted,
    percentIndicator('trainedRate', 'Tỷ lệ cán bộ được bồi dưỡng'),
    yesNoIndicator('programmeDone', 'Hoàn thành chương trình công tác'),
  ],
  criteria: [
    countCriterion('1.1', '50', 'admitted', '0.05'),
    yesNoCriterion('1.2', '20', 'programmeDone', 'Chương trình công tác'),
    selfAssessed('1.3', '30'),
  ],
  // Stricter than the default 90 / 70 / 50, so the summary shows they are the scheme's.
  bands: { XUAT_SAC: 95, TOT: 80, HOAN_THANH: 60 },
});

const lead = 'an-giang';
const unit = 'bac-ninh';
const peer = 'ca-mau';
const outsider = 'da-nang';
const members = [
  { unitCode: lead, name: 'Ban Tổ chức Tỉnh ủy An Giang' },
  { unitCode: unit, name: 'Ban Tổ chức Tỉnh ủy Bắc Ninh' },
  { unitCode: peer, name: 'Ban Tổ chức Tỉnh ủy Cà Mau' },
];

/** Each unit's figures: totals 95, 92 and 50 of 100. */
const results = [
  { unit: lead, admitted: '1000', trainedRate: '80.5', programmeDone: '1', self: '25' },
  { unit, admitted: '940', trainedRate: '60.25', programmeDone: '1', self: '25' },
  { unit: peer, admitted: '600', trainedRate: null, programmeDone: '0', self: '20' },
];

const scorecardQuery = operationDocument('Scorecard');

interface EvidenceFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  href: string;
}

interface Scorecard {
  total: string;
  classification: string;
  criteria: { code: string; evidence: EvidenceFile[] }[];
}

const pdfType = 'application/pdf';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const megabyte = 1024 * 1024;

/** A small but well-formed PDF, padded with a comment to `size` bytes when asked. */
function pdfOf(size = 0): Buffer {
  const body = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  const end = Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const padding = Math.max(0, size - body.length - end.length);
  return Buffer.concat([body, Buffer.alloc(padding, '%'), end]);
}

/** A one-pixel PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The start of a Windows executable (MZ header pointing at a PE signature). */
function executable(): Buffer {
  const bytes = Buffer.alloc(4096);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(128, 60);
  bytes.write('PE\0\0', 128, 'latin1');
  return bytes;
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence files and summaries a board would sign', () => {
  let system: RunningSystem;
  let origin: string;
  let db: Kysely<unknown>;

  async function storedFiles(): Promise<number> {
    const { rows } = await sql<{ files: number }>`
      SELECT count(*)::int AS files FROM gateway.evidence_files
    `.execute(db);
    return rows[0]?.files ?? -1;
  }

  /** POSTs an evidence file as `as`. */
  async function upload(
    as: string,
    fields: { unit: string; criterion: string; period?: string },
    file: Buffer,
    fileName: string,
  ): Promise<Response> {
    const form = new FormData();
    form.set('unit', fields.unit);
    form.set('period', fields.period ?? periodId);
    form.set('criterion', fields.criterion);
    form.set('file', new Blob([new Uint8Array(file)]), fileName);
    return fetch(`${origin}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(as)}` },
      body: form,
    });
  }

  async function call(method: 'GET' | 'DELETE', path: string, as: string): Promise<Response> {
    return fetch(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenFor(as)}` },
    });
  }

  /** Expects a refusal with `status` and `code`, in both languages, that stored nothing. */
  async function expectRefused(
    attempt: () => Promise<Response>,
    status: number,
    code: string,
  ): Promise<{ message: string; messageVi: string }> {
    const before = await storedFiles();
    const response = await attempt();
    const body = (await response.json()) as {
      error: { code: string; message: string; messageVi: string };
    };
    expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
    expect(body.error.message).not.toBe('');
    expect(body.error.messageVi).not.toBe('');
    expect(await storedFiles()).toBe(before);
    return body.error;
  }

  async function scorecardOf(unitCode: string): Promise<Scorecard | null> {
    const answer = await system.graphql(scorecardQuery, { unit: unitCode, period: periodId });
    expect(answer.errors).toBeUndefined();
    return answer.data?.scorecard as Scorecard | null;
  }

  /** The evidence listed on a criterion line of the unit's scorecard. */
  async function evidenceOn(unitCode: string, criterion: string): Promise<EvidenceFile[]> {
    const card = await scorecardOf(unitCode);
    const line = card?.criteria.find((c) => c.code === criterion);
    if (line === undefined) throw new Error(`no line ${criterion} on ${unitCode}'s scorecard`);
    return line.evidence;
  }

  beforeAll(async () => {
    system = await startSystem();
    origin = new URL(system.gateway.url()).origin;
    db = createDb<unknown>(system.settings.DATABASE_URL, 'public', 1);
    await openContest(system, { clusterCode: 'cum-e', year, members, lead, scheme, periodId });
    await defineCluster(system, {
      clusterCode: 'cum-x',
      year,
      members: [{ unitCode: outsider, name: 'Ban Tổ chức Thành ủy Đà Nẵng' }],
      lead: outsider,
    });
    for (const r of results) {
      const figures = { admitted: r.admitted, programmeDone: r.programmeDone };
      const indicators =
        r.trainedRate === null ? figures : { ...figures, trainedRate: r.trainedRate };
      expect(
        await submitResults(system, r.unit, periodId, indicators, { '1.3': r.self }),
      ).toMatchObject({ __typename: 'SubmissionAccepted' });
    }
    await eventually(async () => {
      const cards = await Promise.all(members.map((m) => scorecardOf(m.unitCode)));
      return cards.every((card) => card !== null) ? true : undefined;
    });
    // The documents are drawn from the ranking too, which follows the scorecards.
    await eventually(async () => {
      const { data } = await system.graphql(operationDocument('Ranking'), {
        cluster: 'cum-e',
        period: periodId,
      });
      const entries = (data?.ranking as { entries: { status: string }[] } | null)?.entries ?? [];
      return entries.filter((e) => e.status === 'RANKED').length === members.length
        ? true
        : undefined;
    });
  }, 120_000);

  afterAll(async () => {
    await db.destroy();
    await system.stop();
  });

  let unitsPdf: EvidenceFile;
  const pdf = pdfOf();

  test('a unit uploads a PDF for a criterion; its scorecard lists it and the bytes come back equal', async () => {
    const response = await upload(unit, { unit, criterion: '1.1' }, pdf, 'Báo cáo kết nạp.pdf');
    expect(response.status).toBe(201);
    const { evidence } = (await response.json()) as { evidence: EvidenceFile };
    expect(evidence).toMatchObject({
      fileName: 'Báo cáo kết nạp.pdf',
      mediaType: pdfType,
      sizeBytes: pdf.length,
      sha256: sha256Of(pdf),
      uploadedBy: unit,
    });

    const {
      unitCode,
      periodId: period,
      criterion,
      ...listed
    } = evidence as EvidenceFile & {
      unitCode: string;
      periodId: string;
      criterion: string;
    };
    expect({ unitCode, period, criterion }).toEqual({
      unitCode: unit,
      period: periodId,
      criterion: '1.1',
    });
    unitsPdf = { ...listed, href: `/evidence/${evidence.id}` };
    expect(await evidenceOn(unit, '1.1')).toEqual([unitsPdf]);
    expect(await evidenceOn(unit, '1.2')).toEqual([]);

    for (const viewer of [unit, lead, 'central']) {
      const download = await call('GET', unitsPdf.href, viewer);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(pdfType);
      expect(download.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('Báo cáo kết nạp.pdf')}`,
      );
      expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    }
  });

  test('XLSX and DOCX, both zip archives, are told apart by their bytes, whatever their names', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Số liệu').getCell('A1').value = 940;
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const docx = await readFile(
      new URL('../../services/gateway/templates/meeting-minutes.docx', import.meta.url),
    );
    const asXlsx = await upload(unit, { unit, criterion: '1.2' }, xlsx, 'so-lieu.docx');
    expect(asXlsx.status).toBe(201);
    expect(((await asXlsx.json()) as { evidence: EvidenceFile }).evidence.mediaType).toBe(xlsxType);
    const asDocx = await upload(unit, { unit, criterion: '1.2' }, docx, 'bien-ban.xlsx');
    expect(asDocx.status).toBe(201);
    expect(((await asDocx.json()) as { evidence: EvidenceFile }).evidence.mediaType).toBe(docxType);
    expect((await evidenceOn(unit, '1.2')).map((e) => e.mediaType)).toEqual([xlsxType, docxType]);
  });

  test('the lead, as a reviewer, adds evidence for a member; others may not see it while open', async () => {
    const response = await upload(lead, { unit, criterion: '1.3' }, png, 'anh-hoi-nghi.png');
    expect(response.status).toBe(201);
    const { evidence } = (await response.json()) as { evidence: EvidenceFile };
    expect(evidence).toMatchObject({ mediaType: 'image/png', uploadedBy: lead });
    for (const viewer of [peer, outsider]) {
      const refused = await call('GET', `/evidence/${evidence.id}`, viewer);
      expect(refused.status).toBe(403);
    }
  });

  test('refuses an executable named .pdf, by its bytes, storing nothing', async () => {
    const error = await expectRefused(
      () => upload(unit, { unit, criterion: '1.1' }, executable(), 'bao-cao.pdf'),
      400,
      'UNSUPPORTED_FILE_TYPE',
    );
    expect(error.message).toContain('EXE');
  });

  test('refuses a file over 10 MB, storing nothing', async () => {
    await expectRefused(
      () => upload(unit, { unit, criterion: '1.1' }, pdfOf(10 * megabyte + 1), 'lon.pdf'),
      413,
      'FILE_TOO_LARGE',
    );
  });

  test('refuses a file that would take the unit over 50 MB in the period, storing nothing', async () => {
    // Five files of exactly 10 MB fill the peer's 50 MB; one more byte does not fit.
    for (let i = 0; i < 5; i += 1) {
      const response = await upload(
        peer,
        { unit: peer, criterion: '1.1' },
        pdfOf(10 * megabyte),
        `${i}.pdf`,
      );
      expect(response.status).toBe(201);
    }
    const error = await expectRefused(
      () => upload(peer, { unit: peer, criterion: '1.1' }, pdf, 'them.pdf'),
      413,
      'EVIDENCE_QUOTA_EXCEEDED',
    );
    expect(error.message).toContain('0 bytes are left');
  });

  test('refuses evidence for another unit, from a unit that does not review it, storing nothing', async () => {
    await expectRefused(
      () => upload(unit, { unit: peer, criterion: '1.1' }, pdf, 'a.pdf'),
      403,
      'FORBIDDEN',
    );
    await expectRefused(
      () => upload(outsider, { unit, criterion: '1.1' }, pdf, 'a.pdf'),
      403,
      'FORBIDDEN',
    );
    await expectRefused(
      () => upload(unit, { unit, criterion: '9.9' }, pdf, 'a.pdf'),
      400,
      'UNKNOWN_CRITERION',
    );
  });

  test('only the uploader deletes a file; then it is gone from the scorecard and the route', async () => {
    const [leadsFile] = await evidenceOn(unit, '1.3');
    expect(leadsFile?.uploadedBy).toBe(lead);
    await expectRefused(() => call('DELETE', leadsFile?.href ?? '', unit), 403, 'NOT_UPLOADER');

    const deleted = await call('DELETE', unitsPdf.href, unit);
    expect(deleted.status).toBe(200);
    expect(await evidenceOn(unit, '1.1')).toEqual([]);
    expect((await call('GET', unitsPdf.href, unit)).status).toBe(404);
  });

  test('the summary rolls each indicator up by its kind and classifies by the scheme bands', async () => {
    const summary = await eventually(async () => {
      const answer = await system.graphql(operationDocument('Summary'), {
        period: periodId,
        cluster: 'cum-e',
      });
      const found = answer.data?.summary as { submitted: number } | null;
      return found?.submitted === 3 ? found : undefined;
    });
    expect(summary).toMatchObject({
      submitted: 3,
      // 95, 92 and 50 of 100 with bands of 95 / 80 / 60 (the default would say 2 / 0 / 1 / 0).
      classifications: { xuatSac: 1, tot: 1, hoanThanh: 0, khongHoanThanh: 1 },
      indicators: [
        { code: 'admitted', rollUp: 'SUM', reported: 3, sum: '2540.00', value: '2540.00' },
        { code: 'programmeDone', rollUp: 'YES_COUNT', reported: 3, sum: '2.00', value: '2.00' },
        // (80.50 + 60.25) / 2 = 70.375, rounded once, half up; Cà Mau did not report it.
        { code: 'trainedRate', rollUp: 'AVERAGE', reported: 2, sum: '140.75', value: '70.38' },
      ],
    });
    expect((await scorecardOf(unit))?.classification).toBe('TOT');
  });

  test('the meeting minutes print the scheme’s classification bands', async () => {
    const response = await call(
      'GET',
      `/documents/meeting-minutes.docx?cluster=cum-e&period=${periodId}`,
      lead,
    );
    expect(response.status).toBe(200);
    const xml = new PizZip(await response.arrayBuffer()).file('word/document.xml')?.asText() ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain(
      'Xuất sắc từ 95%, Tốt từ 80%, Hoàn thành từ 60%, dưới 60% Không hoàn thành.',
    );
  });

  test('once the period is closed, the unit can neither add nor delete evidence; members see it', async () => {
    expect(
      await persisted(system, 'ClosePeriod', { clusterCode: 'cum-e', periodId }),
    ).toMatchObject({ __typename: 'PeriodPayload' });
    await expectRefused(
      () => upload(unit, { unit, criterion: '1.1' }, pdf, 'muon.pdf'),
      403,
      'PERIOD_CLOSED',
    );
    const [remaining] = await evidenceOn(unit, '1.2');
    await expectRefused(() => call('DELETE', remaining?.href ?? '', unit), 403, 'PERIOD_CLOSED');
    expect((await call('GET', remaining?.href ?? '', peer)).status).toBe(200);
  });
});
