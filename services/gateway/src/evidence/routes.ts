import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenVerifier } from '../auth/tokens.ts';
import type { GatewayContext } from '../builder.ts';
import { FileRouteError, requestViewer, sendError, sendJson } from '../files/http.ts';
import { readMultipart } from '../files/multipart.ts';
import { inVietnamTime } from '../schema/scalars.ts';
import { deleteEvidence, evidenceContent, uploadEvidence } from './evidence-files.ts';
import { evidenceForm } from './rules.ts';

export interface EvidenceRoutesOptions {
  context: Omit<GatewayContext, 'viewer'>;
  verifyToken: TokenVerifier;
}

/** `filename*` (RFC 6266) keeps a Vietnamese name; `filename` is its ASCII fallback. */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Which evidence route a request is for, or null when it is for none. */
function routeOf(pathname: string): { id: string | null } | null {
  if (pathname === '/evidence') return { id: null };
  const match = /^\/evidence\/([^/]+)$/.exec(pathname);
  return match?.[1] === undefined ? null : { id: decodeURIComponent(match[1]) };
}

function methodNotAllowed(response: ServerResponse, allowed: string, pathname: string) {
  response.setHeader('allow', allowed);
  return new FileRouteError(
    405,
    'METHOD_NOT_ALLOWED',
    `use ${allowed} for ${pathname}`,
    `Dùng phương thức ${allowed} cho ${pathname}`,
  );
}

/**
 * The evidence routes beside /graphql: `POST /evidence` (multipart: unit, period, criterion, file)
 * answers 201 with the stored file's description; `GET /evidence/{id}` sends its bytes;
 * `DELETE /evidence/{id}` answers 200. Each needs a bearer token and refuses with 400, 401, 403,
 * 404 or 413 and `{ "error": { code, message, messageVi } }`. Returns false for other paths.
 */
export function createEvidenceRoutes(options: EvidenceRoutesOptions) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = new URL(request.url ?? '/', 'http://gateway');
    const route = routeOf(url.pathname);
    if (route === null) return false;
    void (async () => {
      try {
        const allowed = route.id === null ? 'POST' : 'GET, DELETE';
        if (!allowed.split(', ').includes(request.method ?? '')) {
          request.resume();
          throw methodNotAllowed(response, allowed, url.pathname);
        }
        const viewer = await requestViewer(request, options.verifyToken);
        const context: GatewayContext = { ...options.context, viewer };
        if (route.id === null) {
          const stored = await uploadEvidence(context, await readMultipart(request, evidenceForm));
          // The moment as the GraphQL API gives it, in Vietnam's time.
          const evidence = { ...stored, uploadedAt: inVietnamTime(stored.uploadedAt) };
          sendJson(response, 201, { evidence });
        } else if (request.method === 'DELETE') {
          await deleteEvidence(context, route.id);
          sendJson(response, 200, { deleted: route.id });
        } else {
          const { file, content } = await evidenceContent(context, route.id);
          response
            .writeHead(200, {
              'content-type': file.mediaType,
              'content-disposition': contentDisposition(file.fileName),
              'content-length': String(content.length),
              etag: `"${file.sha256}"`,
              'cache-control': 'private, no-store',
              'x-content-type-options': 'nosniff',
            })
            .end(content);
        }
      } catch (error) {
        sendError(
          response,
          error instanceof FileRouteError
            ? error
            : new FileRouteError(
                500,
                'INTERNAL_SERVER_ERROR',
                'the evidence file could not be handled',
                'Không xử lý được tệp minh chứng do lỗi máy chủ',
              ),
        );
      }
    })();
    return true;
  };
}
