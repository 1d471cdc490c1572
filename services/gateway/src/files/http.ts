import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, IdentityProviderUnreachable, type TokenVerifier } from '../auth/tokens.ts';
import type { Viewer } from '../auth/viewer.ts';

/** Why a file route refused a request: its HTTP status and a sentence in English and Vietnamese. */
export class FileRouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string,
    /** Further detail, such as every refused cell of an imported file. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, messageVi: string, code = 'BAD_REQUEST') =>
  new FileRouteError(400, code, message, messageVi);

export const notFound = (message: string, messageVi: string) =>
  new FileRouteError(404, 'NOT_FOUND', message, messageVi);

export const unauthenticated = () =>
  new FileRouteError(
    401,
    'UNAUTHENTICATED',
    'sign in: send a bearer token',
    'Đăng nhập: gửi mã thông báo (Authorization: Bearer …)',
  );

/**
 * Who sends a file route's request, by its bearer token: refused with 401 without a valid one, and
 * with 503 when the identity provider's keys cannot be fetched to check it. A refused request's
 * body is read and dropped, so the client gets the answer rather than a reset connection.
 */
export async function requestViewer(
  request: IncomingMessage,
  verifyToken: TokenVerifier,
): Promise<Viewer> {
  const token = bearerToken(request.headers.authorization ?? null);
  try {
    const viewer = token === null ? null : await verifyToken(token);
    if (viewer !== null) return viewer;
  } catch (error) {
    if (!(error instanceof IdentityProviderUnreachable)) throw error;
    request.resume();
    throw new FileRouteError(503, error.code, error.message, error.messageVi);
  }
  request.resume();
  throw unauthenticated();
}

/** Answers with `{ "error": { code, message, messageVi, … } }`. */
export function sendError(response: ServerResponse, error: FileRouteError): void {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      messageVi: error.messageVi,
      ...error.details,
    },
  };
  response
    .writeHead(error.status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...(error.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
    })
    .end(JSON.stringify(body));
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    })
    .end(JSON.stringify(body));
}

/** Sends a generated file as an attachment named `fileName` (ASCII) . */
export function sendFile(
  response: ServerResponse,
  contentType: string,
  fileName: string,
  body: Buffer,
): void {
  response
    .writeHead(200, {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName}"`,
      'content-length': String(body.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .end(body);
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const pdfType = 'application/pdf';
