import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { FileRouteError } from './http.ts';

const run = promisify(execFile);

/** LibreOffice's command: SOFFICE_PATH when set, else `soffice` on the PATH. */
const sofficePath = () => {
  const configured = process.env.SOFFICE_PATH;
  return configured === undefined || configured === '' ? 'soffice' : configured;
};

// A first start of LibreOffice on a busy machine takes seconds; a hung one must not hold a request.
const conversionTimeoutMs = 120_000;

const notInstalled = () =>
  new FileRouteError(
    501,
    'PDF_NOT_AVAILABLE',
    'PDF output needs LibreOffice (soffice), which is not installed on this server; download the .docx instead (without format=pdf)',
    'Máy chủ chưa cài LibreOffice (soffice) nên không xuất được PDF; hãy tải tệp .docx (bỏ tham số format=pdf)',
  );

/**
 * The PDF of a .docx, made by LibreOffice in a folder of its own with its own profile
 * (-env:UserInstallation), so that conversions running at the same time do not share a lock.
 */
export async function pdfOf(docx: Buffer): Promise<Buffer> {
  const folder = await mkdtemp(join(tmpdir(), 'thidua-pdf-'));
  try {
    const input = join(folder, 'document.docx');
    await writeFile(input, docx);
    try {
      await run(
        sofficePath(),
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`,
          '--convert-to',
          'pdf',
          '--outdir',
          folder,
          input,
        ],
        { timeout: conversionTimeoutMs },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notInstalled();
      throw error;
    }
    return await readFile(join(folder, 'document.pdf'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
