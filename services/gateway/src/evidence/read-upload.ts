import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { FileRouteError, badRequest } from '../files/http.ts';
import { evidenceLimits } from './rules.ts';

export interface EvidenceUpload {
  file: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

export const fileTooLarge = () =>
  new FileRouteError(
    413,
    'FILE_TOO_LARGE',
    `an evidence file is at most ${megabytes(evidenceLimits.fileBytes)} MB`,
    `Tệp minh chứng không được vượt quá ${megabytes(evidenceLimits.fileBytes)} MB`,
  );

/** Room for the form's fields and multipart boundaries around a file of the largest size. */
const envelopeBytes = 64 * 1024;

/**
 * Reads `POST /evidence`: multipart/form-data with one file (`file`) and a few short fields. The
 * file is counted as it arrives and dropped once over the limit, so a large body never sits in
 * memory whole; a body announced as too large is refused before it is read.
 */
export function readEvidenceUpload(request: IncomingMessage): Promise<EvidenceUpload> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return Promise.reject(
      new FileRouteError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'send the evidence as multipart/form-data: fields unit, period, criterion and file',
        'Gửi minh chứng dưới dạng multipart/form-data: các trường unit, period, criterion và file',
      ),
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > evidenceLimits.fileBytes + envelopeBytes) {
    // Read and drop the body, so the client gets the answer rather than a reset connection.
    request.resume();
    return Promise.reject(fileTooLarge());
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    let file: Buffer | null = null;
    let fileName = '';
    let failure: FileRouteError | null = null;
    const parser = busboy({
      headers: request.headers,
      // File names are UTF-8 (Vietnamese), not busboy's default latin1.
      defParamCharset: 'utf8',
      limits: {
        // One byte more than allowed, so a file of exactly the limit is whole and one over it shows.
        fileSize: evidenceLimits.fileBytes + 1,
        files: 1,
        fields: 8,
        fieldSize: 1024,
        parts: 10,
      },
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        failure ??= badRequest(
          `unexpected file field ${name}; send the evidence as the field file`,
          `Trường tệp ${name} không hợp lệ; gửi minh chứng trong trường file`,
        );
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      fileName = info.filename;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure ??= fileTooLarge();
        chunks.length = 0;
      });
      stream.on('end', () => {
        file = Buffer.concat(chunks);
        if (file.length > evidenceLimits.fileBytes) failure ??= fileTooLarge();
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    for (const limit of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) {
      parser.on(limit, () => {
        failure ??= badRequest(
          'too many parts: send one file and the fields unit, period and criterion',
          'Quá nhiều phần: chỉ gửi một tệp và các trường unit, period, criterion',
        );
      });
    }
    parser.on('error', () => {
      reject(
        badRequest(
          'the multipart body is malformed or cut',
          'Nội dung multipart bị lỗi hoặc bị cắt',
        ),
      );
    });
    parser.on('close', () => {
      if (failure !== null) reject(failure);
      else if (file === null || file.length === 0) {
        reject(
          badRequest(
            'no file: send the evidence in the field file',
            'Không có tệp: gửi minh chứng trong trường file',
          ),
        );
      } else resolve({ file, fileName, fields });
    });
    request.pipe(parser);
  });
}
