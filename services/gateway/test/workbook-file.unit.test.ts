import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, test } from 'vitest';
import { FileRouteError } from '../src/files/http.ts';
import { checkWorkbookFile } from '../src/files/zip-entries.ts';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Kết quả').getCell('A1').value = 1;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The refusal's code, or null when the file passes. */
function refusalOf(file: Buffer): string | null {
  try {
    checkWorkbookFile(file);
    return null;
  } catch (error) {
    if (error instanceof FileRouteError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('checkWorkbookFile (before a workbook is unpacked)', () => {
  test('passes a plain .xlsx', async () => {
    expect(refusalOf(await workbook())).toBeNull();
  });

  test('refuses what is not a zip, or a zip without a workbook, as NOT_XLSX', () => {
    expect(refusalOf(Buffer.from('%PDF-1.7 not a spreadsheet'))).toBe('400 NOT_XLSX');
    const zip = new PizZip();
    zip.file('word/document.xml', '<w:document/>');
    expect(refusalOf(zip.generate({ type: 'nodebuffer' }))).toBe('400 NOT_XLSX');
  });

  test('refuses a workbook with a VBA project (.xlsm)', async () => {
    const zip = new PizZip(await workbook());
    zip.file('xl/vbaProject.bin', Buffer.from('macro'));
    expect(refusalOf(zip.generate({ type: 'nodebuffer' }))).toBe('400 MACROS_NOT_ALLOWED');
  });

  test('refuses a zip bomb from its directory alone: a part of 10 MB of zeros packed in about 10 KB', async () => {
    const zip = new PizZip(await workbook());
    zip.file('xl/worksheets/sheet2.xml', Buffer.alloc(10 * 1024 * 1024));
    const bomb = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(refusalOf(bomb)).toBe('400 FILE_TOO_EXPANDED');
  }, 20_000);
});
