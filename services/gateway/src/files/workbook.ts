import ExcelJS from 'exceljs';
import { hanoiDateTime } from './vietnamese.ts';

/** Two decimals, thousands grouped; Excel shows them with the reader's separators (1.234,50). */
export const pointsFormat = '#,##0.00';

const font = 'Times New Roman';

export interface SheetHeading {
  /** The title row, e.g. `BẢNG XẾP HẠNG – Cụm thi đua số 2 – Cả năm 2026`. */
  title: string;
  /** Lines under the title: the cluster, the period, the moment of the export… */
  lines: string[];
  /** The column headings, in Vietnamese. */
  columns: { header: string; width: number }[];
}

/** A new workbook whose properties say who made it and when. */
export function newWorkbook(now: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  workbook.created = now;
  workbook.modified = now;
  return workbook;
}

/**
 * Adds a sheet that starts with its title row, the lines under it and the column headings, frozen
 * so that they stay in view; returns the number of the heading row (data start on the next one).
 */
export function addTitledSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: SheetHeading,
): { sheet: ExcelJS.Worksheet; headerRow: number } {
  const headerRow = heading.lines.length + 2;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    // Printed landscape, as wide as the page (the printer's paper: A4 where the users are).
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  heading.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  const title = sheet.getCell(1, 1);
  title.value = heading.title;
  title.font = { name: font, size: 14, bold: true };
  sheet.mergeCells(1, 1, 1, heading.columns.length);
  heading.lines.forEach((line, index) => {
    const cell = sheet.getCell(index + 2, 1);
    cell.value = line;
    cell.font = { name: font, size: 12, italic: index === heading.lines.length - 1 };
  });
  const header = sheet.getRow(headerRow);
  heading.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: font, size: 12, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = thinBorder;
  });
  return { sheet, headerRow };
}

export const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Borders and the body font on a data row. */
export function styleDataRow(row: ExcelJS.Row, columns: number): void {
  for (let column = 1; column <= columns; column += 1) {
    const cell = row.getCell(column);
    cell.border = thinBorder;
    cell.font = { name: font, size: 12 };
  }
}

/** The line that says when a file was made, in Hanoi time. */
export const exportedAt = (now: Date) => `Xuất lúc ${hanoiDateTime(now)} (giờ Hà Nội)`;

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
