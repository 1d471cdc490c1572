import type { Indicator, Scheme } from '@thidua/schema';
import type ExcelJS from 'exceljs';
import type { GatewayContext } from '../builder.ts';
import { yearOf } from '../period-year.ts';
import { notFound } from './http.ts';
import { runQuery } from './query.ts';
import { periodLabel } from './vietnamese.ts';
import {
  addTitledSheet,
  exportedAt,
  newWorkbook,
  styleDataRow,
  workbookBuffer,
} from './workbook.ts';

/** The names the import reads the template by; renaming a sheet makes the file unreadable. */
export const dataSheetName = 'Kết quả';
export const lookupSheetName = 'Danh mục';
export const instructionsSheetName = 'Hướng dẫn';
/** Columns of the data sheet: the code in B, the value the unit types in D. */
export const codeColumn = 2;
export const valueColumn = 4;
/** Cells of the lookup sheet naming whose form it is. */
export const templateUnitCell = 'B1';
export const templatePeriodCell = 'B2';

export const yes = 'Có';
export const no = 'Không';

const templateQuery = /* GraphQL */ `
  query SubmissionTemplate($cluster: String!, $period: String!, $year: Int!) {
    scheme(cluster: $cluster, period: $period)
    cluster(code: $cluster, year: $year) {
      name
      members {
        unitCode
        name
      }
    }
    period(cluster: $cluster, id: $period) {
      deadline
      status
    }
  }
`;

const membershipQuery = /* GraphQL */ `
  query SubmissionTemplateUnit($unit: String!) {
    unit(code: $unit) {
      memberships {
        year
        clusterCode
      }
    }
  }
`;

interface TemplateData {
  scheme: Scheme | null;
  cluster: { name: string; members: { unitCode: string; name: string }[] } | null;
  period: { deadline: string; status: string } | null;
}

/** One row of the form: an indicator the unit reports, or a criterion it scores itself. */
export interface FormLine {
  code: string;
  title: string;
  kind: Indicator['kind'] | 'SELF_SCORE';
  /** The largest value allowed (the smallest is 0). */
  max: string;
}

/** The form's lines for a scheme: its indicators, then its self-assessed criteria. */
export function formLines(scheme: Scheme): FormLine[] {
  const indicators = scheme.indicators.map((i) => ({
    code: i.code,
    title: i.title,
    kind: i.kind,
    max: i.maxValue,
  }));
  const selfScores = scheme.headings
    .flatMap((heading) => heading.criteria)
    .filter((criterion) => criterion.method === 'SELF_ASSESSED')
    .map((c) => ({ code: c.code, title: c.title, kind: 'SELF_SCORE' as const, max: c.maxPoints }));
  return [...indicators, ...selfScores];
}

const unitsOfKind: Record<FormLine['kind'], string> = {
  COUNT: 'Số lượng (số nguyên)',
  DECIMAL: 'Số',
  PERCENT: '%',
  YES_NO: 'Có / Không',
  SELF_SCORE: 'Điểm tự chấm',
};

/** The cluster a unit belongs to in a period's year, as the API answers it; 404 if none. */
export async function clusterOfUnit(
  context: GatewayContext,
  unit: string,
  period: string,
): Promise<string> {
  const data = await runQuery<{
    unit: { memberships: { year: number; clusterCode: string }[] } | null;
  }>(context, membershipQuery, { unit });
  const membership = data.unit?.memberships.find((m) => m.year === yearOf(period));
  if (membership === undefined) {
    throw notFound(
      `${unit} is not a member of any cluster in ${yearOf(period)}`,
      `Đơn vị ${unit} không là thành viên của cụm thi đua nào trong năm ${yearOf(period)}`,
    );
  }
  return membership.clusterCode;
}

/** The scheme and the names a form needs, as the caller may see them. */
export async function formOf(context: GatewayContext, unit: string, period: string) {
  const cluster = await clusterOfUnit(context, unit, period);
  const data = await runQuery<TemplateData>(context, templateQuery, {
    cluster,
    period,
    year: yearOf(period),
  });
  if (data.scheme === null || data.cluster === null || data.period === null) {
    throw notFound(
      `cluster ${cluster} has no scheme or no period ${period}`,
      `Cụm ${cluster} chưa có bảng chấm điểm hoặc chưa mở kỳ ${period}`,
    );
  }
  const unitName = data.cluster.members.find((m) => m.unitCode === unit)?.name ?? unit;
  return { ...data, scheme: data.scheme, cluster: data.cluster, period: data.period, unitName };
}

/** The value cell's data validation: a number in its range, or Có / Không from the lookup sheet. */
function validationOf(line: FormLine, yesNoRange: string): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    showInputMessage: true,
    promptTitle: line.code,
  } as const;
  if (line.kind === 'YES_NO') {
    return {
      ...common,
      type: 'list',
      formulae: [yesNoRange],
      error: 'Chọn Có hoặc Không',
      prompt: 'Chọn Có hoặc Không',
    };
  }
  return {
    ...common,
    type: line.kind === 'COUNT' ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [0, Number(line.max)],
    error: `Nhập số từ 0 đến ${line.max}`,
    prompt: `Từ 0 đến ${line.max}`,
  };
}

/**
 * `GET /templates/submission.xlsx?unit=&period=`: the unit's results form for the period, built
 * from its cluster's scheme. One visible data sheet "Kết quả" (code, title, unit, allowed range,
 * and the value to type, checked by data validation), a hidden lookup sheet "Danh mục" (whose form
 * it is, each code's kind and range, the Có / Không list) and the instructions "Hướng dẫn".
 */
export async function submissionTemplate(
  context: GatewayContext,
  unit: string,
  period: string,
): Promise<Buffer> {
  const form = await formOf(context, unit, period);
  const lines = formLines(form.scheme);
  const now = context.clock();
  const workbook = newWorkbook(now);
  const { sheet, headerRow } = addTitledSheet(workbook, dataSheetName, {
    title: `BÁO CÁO KẾT QUẢ THI ĐUA – ${form.unitName.toUpperCase()}`,
    lines: [
      `${form.cluster.name}; kỳ: ${periodLabel(period)} (${period}); mã đơn vị: ${unit}`,
      `Bảng chấm điểm: ${form.scheme.title}. Nhập giá trị vào cột D, không sửa các cột khác.`,
      exportedAt(now).replace('Xuất lúc', 'Tải mẫu lúc'),
    ],
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Mã', width: 36 },
      { header: 'Nội dung', width: 50 },
      { header: 'Giá trị', width: 14 },
      { header: 'Đơn vị tính', width: 20 },
      { header: 'Giá trị cho phép', width: 20 },
    ],
  });

  const lookup = workbook.addWorksheet(lookupSheetName, { state: 'hidden' });
  lookup.getCell('A1').value = 'Đơn vị';
  lookup.getCell(templateUnitCell).value = unit;
  lookup.getCell('A2').value = 'Kỳ';
  lookup.getCell(templatePeriodCell).value = period;
  lookup.getCell('A3').value = 'Cụm';
  lookup.getCell('B3').value = form.scheme.code;
  lookup.getCell('H1').value = 'Có/Không';
  lookup.getCell('H2').value = yes;
  lookup.getCell('H3').value = no;
  lookup.getRow(5).values = ['Mã', 'Nội dung', 'Loại', 'Tối thiểu', 'Tối đa'];
  lines.forEach((line, index) => {
    lookup.getRow(6 + index).values = [line.code, line.title, line.kind, 0, Number(line.max)];
  });

  lines.forEach((line, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    row.values = [
      index + 1,
      line.code,
      line.title,
      null,
      unitsOfKind[line.kind],
      line.kind === 'YES_NO' ? `${yes} / ${no}` : `0 – ${line.max}`,
    ];
    styleDataRow(row, 6);
    const value = row.getCell(valueColumn);
    value.dataValidation = validationOf(line, `'${lookupSheetName}'!$H$2:$H$3`);
    value.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    value.protection = { locked: false };
  });

  const help = workbook.addWorksheet(instructionsSheetName);
  help.getColumn(1).width = 110;
  [
    'HƯỚNG DẪN NHẬP KẾT QUẢ',
    `1. Mẫu này dành riêng cho ${form.unitName} (${unit}), kỳ ${periodLabel(period)}; không dùng cho đơn vị hoặc kỳ khác.`,
    `2. Nhập giá trị vào cột D của trang "${dataSheetName}", mỗi dòng một chỉ tiêu hoặc một tiêu chí tự chấm điểm.`,
    '3. Số nhập dạng số (ví dụ 9,04 hoặc 1.752 theo cách hiển thị của máy); không nhập công thức.',
    `4. Chỉ tiêu Có/Không: chọn "${yes}" hoặc "${no}" trong danh sách.`,
    '5. Không đổi tên, thêm, xóa hay ẩn trang, dòng, cột; không gộp ô.',
    '6. Tải tệp lên tại "Nộp báo cáo" (POST /imports/submission). Tệp được nhận toàn bộ hoặc bị từ chối toàn bộ;',
    '   mỗi giá trị bị từ chối được chỉ rõ theo trang và ô, ví dụ "Kết quả!D7".',
    `7. Hạn nộp: ${form.period.deadline}.`,
  ].forEach((text, index) => {
    const cell = help.getCell(index + 1, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: index === 0 ? 14 : 12, bold: index === 0 };
  });
  return workbookBuffer(workbook);
}
