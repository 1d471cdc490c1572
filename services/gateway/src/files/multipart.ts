import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { FileRouteError, badRequest } from './http.ts';

/** A sentence in English and the same in Vietnamese. */
export interface Bilingual {
  message: string;
  messageVi: string;
}

/**
 * What one route takes as multipart/form-data: one file, in the field `file`, of at most
 * `fileBytes`, and a few short text fields; and what the route says when it refuses a body.
 */
export interface MultipartForm<Field extends string> {
  fileBytes: number;
  /** The text fields the route reads; others are read and dropped. */
  fields: readonly Field[];
  /** How many text fields a body may carry, the route's and any others. */
  mostFields: number;
  refusals: {
    /** 415: the body is not multipart/form-data. */
    notMultipart: Bilingual;
    /** 413: the file, or the body as announced, is over `fileBytes`. */
    tooLarge: Bilingual & { code: string };
    /** How to send the file, after "unexpected file field …;" (400). */
    fileField: Bilingual;
    /** 400: more than one file, `mostFields` fields, or the parts of both. */
    tooManyParts: Bilingual;
    /** 400: no file, or an empty one. */
    noFile: Bilingual;
  };
}

export interface MultipartUpload<Field extends string> {
  file: Buffer;
  /** As the sender named it, read as UTF-8 (Vietnamese names), not busboy's default latin1. */
  fileName: string;
  fields: Partial<Record<Field, string>>;
}

/** Room for the form's fields and multipart boundaries around a file of the largest size. */
const envelopeBytes = 64 * 1024;

/** Longest text field, in bytes: the fields are codes, periods and moments. */
const fieldBytes = 1024;

const malformed = () =>
  badRequest('the multipart body is malformed or cut', 'Nội dung multipart bị lỗi hoặc bị cắt');

/**
 * Reads a multipart/form-data body as `form` takes it. Only the file routes take multipart:
 * /graphql refuses it (CSRF), and a file here still needs the bearer token. The file is counted as
 * it arrives and dropped once over the limit, so a large body never sits in memory whole; a body
 * announced as too large is refused before it is read.
 */
export function readMultipart<Field extends string>(
  request: IncomingMessage,
  form: MultipartForm<Field>,
): Promise<MultipartUpload<Field>> {
  const { refusals } = form;
  const tooLarge = () =>
    new FileRouteError(
      413,
      refusals.tooLarge.code,
      refusals.tooLarge.message,
      refusals.tooLarge.messageVi,
    );
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    request.resume();
    const { message, messageVi } = refusals.notMultipart;
    return Promise.reject(new FileRouteError(415, 'UNSUPPORTED_MEDIA_TYPE', message, messageVi));
  }
  if (Number(request.headers['content-length'] ?? 0) > form.fileBytes + envelopeBytes) {
    // Read and drop the body, so the client gets the answer rather than a reset connection.
    request.resume();
    return Promise.reject(tooLarge());
  }
  const isField = (name: string): name is Field =>
    (form.fields as readonly string[]).includes(name);
  return new Promise((resolve, reject) => {
    const fields: Partial<Record<Field, string>> = {};
    let file: Buffer | null = null;
    let fileName = '';
    let failure: FileRouteError | null = null;
    const parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: {
        // One byte more than allowed: busboy signals the limit on reaching it, so a file of
        // exactly `fileBytes` is taken whole and only one over it is refused.
        fileSize: form.fileBytes + 1,
        files: 1,
        fields: form.mostFields,
        fieldSize: fieldBytes,
        // The file and the fields, and one more: busboy signals this bound on reaching it.
        parts: form.mostFields + 2,
      },
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        failure ??= badRequest(
          `unexpected file field ${name}; ${refusals.fileField.message}`,
          `Trường tệp ${name} không hợp lệ; ${refusals.fileField.messageVi}`,
        );
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      fileName = info.filename;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A body cut inside the file fails the stream as well as the parser; the parser answers.
      stream.on('error', () => undefined);
      stream.on('limit', () => {
        failure ??= tooLarge();
        chunks.length = 0;
      });
      stream.on('end', () => {
        file = Buffer.concat(chunks);
      });
    });
    parser.on('field', (name, value) => {
      if (isField(name)) fields[name] = value;
    });
    for (const limit of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) {
      parser.on(limit, () => {
        failure ??= badRequest(refusals.tooManyParts.message, refusals.tooManyParts.messageVi);
      });
    }
    parser.on('error', () => reject(malformed()));
    // A connection dropped mid-body never ends the parser; its error settles the upload instead.
    request.on('error', () => reject(malformed()));
    parser.on('close', () => {
      if (failure !== null) reject(failure);
      else if (file === null || file.length === 0) {
        reject(badRequest(refusals.noFile.message, refusals.noFile.messageVi));
      } else resolve({ file, fileName, fields });
    });
    request.pipe(parser);
  });
}
