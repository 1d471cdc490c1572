import { badRequest } from './http.ts';

/** An entry of a zip file's central directory. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const notASpreadsheet = () =>
  badRequest(
    'the file is not an Excel workbook (.xlsx)',
    'Tệp không phải bảng tính Excel (.xlsx)',
    'NOT_XLSX',
  );

/**
 * The entries a zip file's central directory lists, read without expanding any of them, so that a
 * file can be refused for what it holds (macros, a zip bomb) before it is unpacked. A file that is
 * not a zip, or whose directory is cut or inconsistent, is refused as not a workbook.
 */
export function zipEntries(file: Buffer): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  const lowest = Math.max(0, file.length - 22 - 0xffff);
  let end = -1;
  for (let at = file.length - 22; at >= lowest; at -= 1) {
    if (file.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0 || file.readUInt32LE(0) !== 0x04034b50) throw notASpreadsheet();
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) throw notASpreadsheet();
    const nameLength = file.readUInt16LE(at + 28);
    const skip = nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    if (at + 46 + skip > file.length) throw notASpreadsheet();
    entries.push({
      compressedSize: file.readUInt32LE(at + 20),
      uncompressedSize: file.readUInt32LE(at + 24),
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Bounds on what an imported workbook may expand to. */
export const expansionLimits = {
  /** All its parts together, unpacked. */
  totalBytes: 50 * 1024 * 1024,
  /** How much larger than its compressed size one part may be (text compresses well, not 1000×). */
  ratio: 200,
};

/**
 * Refuses, before it is unpacked, a file that is not an .xlsx workbook: not a zip, no workbook part,
 * a macro-enabled workbook (.xlsm: a VBA project), or one that would expand beyond the limits.
 */
export function checkWorkbookFile(file: Buffer): void {
  const entries = zipEntries(file);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw notASpreadsheet();
  if (entries.some((entry) => /vbaProject\.bin$/i.test(entry.name))) {
    throw badRequest(
      'the workbook holds macros (.xlsm); save it as an Excel workbook (.xlsx) without macros',
      'Tệp có macro (.xlsm); hãy lưu lại dưới dạng Excel Workbook (.xlsx) không có macro',
      'MACROS_NOT_ALLOWED',
    );
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const inflated = entries.some(
    (entry) =>
      entry.uncompressedSize === 0xffffffff ||
      entry.uncompressedSize > expansionLimits.ratio * Math.max(entry.compressedSize, 1024),
  );
  if (inflated || total > expansionLimits.totalBytes) {
    throw badRequest(
      `the workbook would expand beyond ${expansionLimits.totalBytes / 1024 / 1024} MB or ${expansionLimits.ratio} times its size; it is refused unopened`,
      `Tệp giải nén vượt quá ${expansionLimits.totalBytes / 1024 / 1024} MB hoặc ${expansionLimits.ratio} lần kích thước; tệp bị từ chối mà không mở`,
      'FILE_TOO_EXPANDED',
    );
  }
}
