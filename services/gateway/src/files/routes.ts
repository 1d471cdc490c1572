import { periodId, slug } from '@thidua/schema';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenVerifier } from '../auth/tokens.ts';
import type { GatewayContext } from '../builder.ts';
import { awardsWorkbook } from './awards-xlsx.ts';
import { awardDecision, awardProposal, meetingMinutes } from './documents.ts';
import {
  docxType,
  FileRouteError,
  badRequest,
  pdfType,
  requestViewer,
  sendError,
  sendFile,
  sendJson,
  xlsxType,
} from './http.ts';
import { readMultipart } from './multipart.ts';
import { pdfOf } from './pdf.ts';
import { rankingWorkbook } from './ranking-xlsx.ts';
import { scorecardsWorkbook } from './scorecards-xlsx.ts';
import { importForm, importSubmission } from './submission-import.ts';
import { submissionTemplate } from './submission-template.ts';
import { summaryWorkbook } from './summary-xlsx.ts';

export interface FileRoutesOptions {
  context: Omit<GatewayContext, 'viewer'>;
  verifyToken: TokenVerifier;
}

type Handler = (
  context: GatewayContext,
  query: URLSearchParams,
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void>;

/** A required query parameter that `schema` accepts; a missing or malformed one is a 400. */
function parameter(
  query: URLSearchParams,
  name: string,
  schema: { safeParse: (value: unknown) => { success: boolean } },
  example: string,
): string {
  const value = query.get(name);
  if (value === null || value === '') {
    throw badRequest(
      `the query parameter ${name} is required, e.g. ${name}=${example}`,
      `Thiếu tham số ${name}, ví dụ ${name}=${example}`,
    );
  }
  if (!schema.safeParse(value).success) {
    throw badRequest(
      `${name}=${value} is not valid, e.g. ${name}=${example}`,
      `Tham số ${name}=${value} không hợp lệ, ví dụ ${name}=${example}`,
    );
  }
  return value;
}

const unit = (query: URLSearchParams) => parameter(query, 'unit', slug, 'ha-tinh');
const cluster = (query: URLSearchParams) => parameter(query, 'cluster', slug, 'cum-2');
const period = (query: URLSearchParams) => parameter(query, 'period', periodId, '2026-FY');

/** A year such as 2026. */
function year(query: URLSearchParams): number {
  const value = query.get('year') ?? '';
  if (!/^(20\d\d|2100)$/.test(value)) {
    throw badRequest(
      `year=${value} is not a year such as 2026`,
      `Tham số year=${value} không phải năm, ví dụ year=2026`,
    );
  }
  return Number(value);
}

/** An optional moment (ISO 8601, e.g. 2026-12-15T10:00:00+07:00). */
function moment(query: URLSearchParams, name: string): string | null {
  const value = query.get(name);
  if (value === null || value === '') return null;
  if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw badRequest(
      `${name}=${value} is not a moment such as 2026-12-15T10:00:00+07:00`,
      `Tham số ${name}=${value} không phải thời điểm dạng 2026-12-15T10:00:00+07:00`,
    );
  }
  return new Date(value).toISOString();
}

/**
 * Sends a document as .docx, or as PDF with `format=pdf` (through LibreOffice, 501 where it is
 * not installed); `name` is the file name without its extension.
 */
async function sendDocument(
  response: ServerResponse,
  query: URLSearchParams,
  name: string,
  docx: Buffer,
): Promise<void> {
  const format = query.get('format') ?? 'docx';
  if (format === 'docx') {
    sendFile(response, docxType, `${name}.docx`, docx);
    return;
  }
  if (format !== 'pdf') {
    throw badRequest(
      `format=${format} is not docx or pdf`,
      `Tham số format=${format} không hợp lệ, chỉ nhận docx hoặc pdf`,
    );
  }
  sendFile(response, pdfType, `${name}.pdf`, await pdfOf(docx));
}

const routes: Record<string, { method: 'GET' | 'POST'; handle: Handler }> = {
  '/exports/ranking.xlsx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const [c, p, asOf] = [cluster(query), period(query), moment(query, 'asOf')];
      const file = await rankingWorkbook(context, c, p, asOf);
      sendFile(response, xlsxType, `xep-hang-${c}-${p}.xlsx`, file);
    },
  },
  '/exports/scorecards.xlsx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const [c, p] = [cluster(query), period(query)];
      const file = await scorecardsWorkbook(context, c, p);
      sendFile(response, xlsxType, `bang-diem-${c}-${p}.xlsx`, file);
    },
  },
  '/exports/summary.xlsx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const p = period(query);
      const c = query.get('cluster') === null ? null : cluster(query);
      const file = await summaryWorkbook(context, p, c);
      sendFile(response, xlsxType, `tong-hop-${c ?? 'tat-ca'}-${p}.xlsx`, file);
    },
  },
  '/exports/awards.xlsx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const [c, y] = [cluster(query), year(query)];
      const file = await awardsWorkbook(context, c, y);
      sendFile(response, xlsxType, `khen-thuong-${c}-${y}.xlsx`, file);
    },
  },
  '/documents/meeting-minutes.docx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const [c, p] = [cluster(query), period(query)];
      const file = await meetingMinutes(context, c, p);
      await sendDocument(response, query, `bien-ban-${c}-${p}`, file);
    },
  },
  '/documents/award-proposal.docx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const [c, y] = [cluster(query), year(query)];
      const file = await awardProposal(context, c, y);
      await sendDocument(response, query, `to-trinh-khen-thuong-${c}-${y}`, file);
    },
  },
  '/documents/award-decision.docx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const [c, y] = [cluster(query), year(query)];
      const file = await awardDecision(context, c, y);
      await sendDocument(response, query, `quyet-dinh-khen-thuong-${c}-${y}`, file);
    },
  },
  '/templates/submission.xlsx': {
    method: 'GET',
    handle: async (context, query, _request, response) => {
      const [u, p] = [unit(query), period(query)];
      const file = await submissionTemplate(context, u, p);
      sendFile(response, xlsxType, `mau-bao-cao-${u}-${p}.xlsx`, file);
    },
  },
  '/imports/submission': {
    method: 'POST',
    handle: async (context, _query, request, response) => {
      const { status, body } = await importSubmission(
        context,
        await readMultipart(request, importForm),
      );
      sendJson(response, status, body);
    },
  },
};

/**
 * The spreadsheet and document routes beside /graphql. Each needs a bearer token and answers what
 * the GraphQL API would let the same caller see; it refuses with 401, 403, 404 or 400 and a body
 * `{ "error": { code, message, messageVi } }`. Returns false for a path that is not one of them.
 */
export function createFileRoutes(options: FileRoutesOptions) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = new URL(request.url ?? '/', 'http://gateway');
    const route = routes[url.pathname];
    if (route === undefined) return false;
    void (async () => {
      try {
        if (request.method !== route.method) {
          response.setHeader('allow', route.method);
          throw new FileRouteError(
            405,
            'METHOD_NOT_ALLOWED',
            `use ${route.method} for ${url.pathname}`,
            `Dùng phương thức ${route.method} cho ${url.pathname}`,
          );
        }
        const viewer = await requestViewer(request, options.verifyToken);
        await route.handle({ ...options.context, viewer }, url.searchParams, request, response);
      } catch (error) {
        if (error instanceof FileRouteError) {
          sendError(response, error);
          return;
        }
        sendError(
          response,
          new FileRouteError(
            500,
            'INTERNAL_SERVER_ERROR',
            'the file could not be made',
            'Không tạo được tệp do lỗi máy chủ',
          ),
        );
      }
    })();
    return true;
  };
}
