import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FileRouteError, sendError, sendJson } from '../src/files/http.ts';
import { readMultipart, type MultipartForm } from '../src/files/multipart.ts';

/** A route's form, small enough to pass its limits in a test, with its own words for refusals. */
const form: MultipartForm<'unit' | 'period'> = {
  fileBytes: 1000,
  fields: ['unit', 'period'],
  mostFields: 3,
  refusals: {
    notMultipart: { message: 'send a form', messageVi: 'Gửi biểu mẫu' },
    tooLarge: {
      code: 'SHEET_TOO_LARGE',
      message: 'at most 1000 bytes',
      messageVi: 'Tối đa 1000 byte',
    },
    fileField: {
      message: 'send the sheet as the field file',
      messageVi: 'gửi bảng trong trường file',
    },
    tooManyParts: { message: 'one file, three fields', messageVi: 'Một tệp, ba trường' },
    noFile: { message: 'no sheet', messageVi: 'Không có bảng' },
  },
};

interface Refusal {
  status: number;
  body: { error: { code: string; message: string; messageVi: string } };
}

describe('the multipart reader of the file routes', () => {
  let server: Server;
  let base: string;
  /** How the reader settled each request, in order: resolved with the upload or refused. */
  const outcomes: ((outcome: string) => void)[] = [];
  const nextOutcome = () => new Promise<string>((resolve) => outcomes.push(resolve));

  beforeAll(async () => {
    server = createServer((request, response) => {
      readMultipart(request, form).then(
        (upload) => {
          outcomes.shift()?.('read');
          sendJson(response, 200, {
            fileName: upload.fileName,
            bytes: upload.file.length,
            fields: upload.fields,
          });
        },
        (error: unknown) => {
          outcomes.shift()?.(error instanceof FileRouteError ? error.code : 'unexpected');
          if (error instanceof FileRouteError) sendError(response, error);
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (body: FormData | string, headers: Record<string, string> = {}) => {
    const response = await fetch(base, { method: 'POST', body, headers });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  const formOf = (parts: Record<string, string | { bytes: number; name: string }>) => {
    const data = new FormData();
    for (const [name, part] of Object.entries(parts)) {
      if (typeof part === 'string') data.append(name, part);
      else data.append(name, new Blob([new Uint8Array(part.bytes).fill(65)]), part.name);
    }
    return data;
  };

  const refusal = (status: number, code: string, words: { message: string; messageVi: string }) =>
    ({ status, body: { error: { code, ...words } } }) satisfies Refusal;

  test("takes the file with its UTF-8 name and the route's fields, dropping other fields", async () => {
    const answer = await post(
      formOf({
        unit: 'ha-tinh',
        note: 'not a field of the route',
        period: '2026-FY',
        file: { bytes: 12, name: 'Biên bản họp – Hà Tĩnh.pdf' },
      }),
    );
    expect(answer).toEqual({
      status: 200,
      body: {
        fileName: 'Biên bản họp – Hà Tĩnh.pdf',
        bytes: 12,
        fields: { unit: 'ha-tinh', period: '2026-FY' },
      },
    });
  });

  test("takes a file of exactly the route's size and refuses one byte more with its 413", async () => {
    expect(await post(formOf({ file: { bytes: 1000, name: 'a.xlsx' } }))).toMatchObject({
      status: 200,
      body: { bytes: 1000 },
    });
    const tooLarge = refusal(413, 'SHEET_TOO_LARGE', form.refusals.tooLarge);
    expect(await post(formOf({ file: { bytes: 1001, name: 'a.xlsx' } }))).toEqual(tooLarge);
    // A body announced as far over the limit is refused before it is parsed, and still answered.
    expect(await post(formOf({ file: { bytes: 200_000, name: 'a.xlsx' } }))).toEqual(tooLarge);
  });

  test('refuses a file in another field, in both languages', async () => {
    expect(await post(formOf({ upload: { bytes: 10, name: 'a.xlsx' } }))).toEqual(
      refusal(400, 'BAD_REQUEST', {
        message: 'unexpected file field upload; send the sheet as the field file',
        messageVi: 'Trường tệp upload không hợp lệ; gửi bảng trong trường file',
      }),
    );
  });

  test('refuses a second file and fields past the most the route takes', async () => {
    const tooMany = refusal(400, 'BAD_REQUEST', form.refusals.tooManyParts);
    const twoFiles = new FormData();
    twoFiles.append('file', new Blob(['one']), 'one.xlsx');
    twoFiles.append('file', new Blob(['two']), 'two.xlsx');
    expect(await post(twoFiles)).toEqual(tooMany);
    const fourFields = { a: '1', b: '2', c: '3', d: '4', file: { bytes: 5, name: 'a.xlsx' } };
    expect(await post(formOf(fourFields))).toEqual(tooMany);
  });

  test('refuses a body that is not multipart, and one without a file or with an empty one', async () => {
    expect(
      await post('unit=ha-tinh', { 'content-type': 'application/x-www-form-urlencoded' }),
    ).toEqual(refusal(415, 'UNSUPPORTED_MEDIA_TYPE', form.refusals.notMultipart));
    const noFile = refusal(400, 'BAD_REQUEST', form.refusals.noFile);
    expect(await post(formOf({ unit: 'ha-tinh' }))).toEqual(noFile);
    expect(await post(formOf({ file: { bytes: 0, name: 'empty.xlsx' } }))).toEqual(noFile);
  });

  const boundary = 'thidua-boundary';
  const cutBody = [
    `--${boundary}`,
    'content-disposition: form-data; name="file"; filename="a.xlsx"',
    'content-type: application/octet-stream',
    '',
    'the first bytes of a file whose closing boundary never comes',
  ].join('\r\n');
  const malformed = {
    message: 'the multipart body is malformed or cut',
    messageVi: 'Nội dung multipart bị lỗi hoặc bị cắt',
  };

  test('refuses a body cut before its closing boundary', async () => {
    expect(
      await post(cutBody, { 'content-type': `multipart/form-data; boundary=${boundary}` }),
    ).toEqual(refusal(400, 'BAD_REQUEST', malformed));
  });

  test('settles, refused, when the connection drops mid-body', async () => {
    const outcome = nextOutcome();
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const head = [
      'POST / HTTP/1.1',
      'host: 127.0.0.1',
      `content-type: multipart/form-data; boundary=${boundary}`,
      `content-length: ${cutBody.length + 500}`,
      '',
      '',
    ].join('\r\n');
    // Sent whole, then the connection is closed short of the length it announced.
    socket.end(head + cutBody);
    expect(await outcome).toBe('BAD_REQUEST');
  });
});
