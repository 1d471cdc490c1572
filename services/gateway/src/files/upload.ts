import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { FileRouteError, badRequest } from './http.ts';

/** The largest spreadsheet an import takes; a results form is a few dozen kilobytes. */
export const uploadLimitBytes = 5 * 1024 * 1024;

export interface Upload {
  file: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

const tooLarge = () =>
  new FileRouteError(
    413,
    'PAYLOAD_TOO_LARGE',
    `the file is over ${uploadLimitBytes / 1024 / 1024} MB`,
    `Tệp vượt quá ${uploadLimitBytes / 1024 / 1024} MB`,
  );

/**
 * Reads a multipart/form-data body with one file (`file`) and a few short fields. Only this route
 * takes multipart: /graphql refuses it (CSRF), and a file here still needs the bearer token.
 */
export function readUpload(request: IncomingMessage): Promise<Upload> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return Promise.reject(
      new FileRouteError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'send the file as multipart/form-data, in a field named file',
        'Gửi tệp dưới dạng multipart/form-data, trong trường tên là file',
      ),
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > uploadLimitBytes + 64 * 1024) {
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    let file: Buffer | null = null;
    let fileName = '';
    let failure: FileRouteError | null = null;
    const parser = busboy({
      headers: request.headers,
      limits: { fileSize: uploadLimitBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        failure ??= badRequest(
          `unexpected file field ${name}; send the workbook as the field file`,
          `Trường tệp ${name} không hợp lệ; gửi bảng tính trong trường file`,
        );
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      fileName = info.filename;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure ??= tooLarge();
      });
      stream.on('end', () => {
        file = Buffer.concat(chunks);
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    for (const limit of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) {
      parser.on(limit, () => {
        failure ??= badRequest(
          'too many parts: send one file and at most a few fields',
          'Quá nhiều phần: chỉ gửi một tệp và vài trường',
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
            'no file: send the filled workbook in the field file',
            'Không có tệp: gửi bảng tính đã điền trong trường file',
          ),
        );
      } else resolve({ file, fileName, fields });
    });
    request.pipe(parser);
  });
}
