import { instant, periodId as periodIdSchema, slug, type SubmissionProblem } from '@thidua/schema';
import ExcelJS from 'exceljs';
import type { GatewayContext } from '../builder.ts';
import { FileRouteError, badRequest } from './http.ts';
import type { MultipartForm, MultipartUpload } from './multipart.ts';
import { runQuery } from './query.ts';
import {
  codeColumn,
  dataSheetName,
  formLines,
  formOf,
  lookupSheetName,
  no,
  templatePeriodCell,
  templateUnitCell,
  valueColumn,
  yes,
  type FormLine,
} from './submission-template.ts';
import { checkWorkbookFile } from './zip-entries.ts';

type ImportField = 'unit' | 'period' | 'receivedAt' | 'expectedVersion';

/** The largest spreadsheet an import takes; a results form is a few dozen kilobytes. */
const importMegabytes = 5;

/**
 * `POST /imports/submission`: the filled workbook in the field file, and optionally the fields
 * unit and period it must be of, receivedAt (a paper report) and expectedVersion.
 */
export const importForm: MultipartForm<ImportField> = {
  fileBytes: importMegabytes * 1024 * 1024,
  fields: ['unit', 'period', 'receivedAt', 'expectedVersion'],
  mostFields: 10,
  refusals: {
    notMultipart: {
      message: 'send the file as multipart/form-data, in a field named file',
      messageVi: 'Gửi tệp dưới dạng multipart/form-data, trong trường tên là file',
    },
    tooLarge: {
      code: 'PAYLOAD_TOO_LARGE',
      message: `the file is over ${importMegabytes} MB`,
      messageVi: `Tệp vượt quá ${importMegabytes} MB`,
    },
    fileField: {
      message: 'send the workbook as the field file',
      messageVi: 'gửi bảng tính trong trường file',
    },
    tooManyParts: {
      message: 'too many parts: send one file and at most a few fields',
      messageVi: 'Quá nhiều phần: chỉ gửi một tệp và vài trường',
    },
    noFile: {
      message: 'no file: send the filled workbook in the field file',
      messageVi: 'Không có tệp: gửi bảng tính đã điền trong trường file',
    },
  },
};

/** A refused value, where it is in the workbook (`Kết quả!D7`) when it is in one cell. */
export interface CellProblem extends SubmissionProblem {
  cell: string | null;
}

const submitMutation = /* GraphQL */ `
  mutation ImportSubmission(
    $unitCode: String!
    $periodId: String!
    $indicators: [IndicatorValueInput!]!
    $selfScores: [SelfScoreInput!]!
    $expectedVersion: Int
    $receivedAt: DateTime
  ) {
    submitResults(
      unitCode: $unitCode
      periodId: $periodId
      indicators: $indicators
      selfScores: $selfScores
      expectedVersion: $expectedVersion
      receivedAt: $receivedAt
    ) {
      __typename
      ... on SubmissionAccepted {
        unitCode
        clusterCode
        periodId
        version
        submittedAt
        onTime
      }
      ... on ValidationError {
        fields {
          path
          message
          messageVi
        }
      }
      ... on Error {
        message
        messageVi
      }
    }
  }
`;

type SubmitAnswer =
  | {
      __typename: 'SubmissionAccepted';
      unitCode: string;
      clusterCode: string;
      periodId: string;
      version: number;
      submittedAt: string;
      onTime: boolean;
    }
  | {
      __typename: 'ValidationError';
      message: string;
      messageVi: string;
      fields: SubmissionProblem[];
    }
  | {
      __typename: 'NotFoundError' | 'ConflictError' | 'ForbiddenError';
      message: string;
      messageVi: string;
    };

const statusOf: Record<string, [number, string]> = {
  NotFoundError: [404, 'NOT_FOUND'],
  ConflictError: [409, 'CONFLICT'],
  ForbiddenError: [403, 'FORBIDDEN'],
};

const cellName = (row: number, column: number) =>
  `${dataSheetName}!${String.fromCharCode(64 + column)}${row}`;

async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  checkWorkbookFile(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest(
      'the workbook is damaged and cannot be read',
      'Tệp bảng tính bị hỏng, không đọc được',
      'CORRUPT_FILE',
    );
  }
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) {
    throw badRequest(
      `the sheet "${name}" is missing or renamed: use the template of GET /templates/submission.xlsx`,
      `Không có trang "${name}" (đã bị xóa hoặc đổi tên): hãy dùng mẫu tải từ /templates/submission.xlsx`,
      'NOT_THE_TEMPLATE',
    );
  }
  return sheet;
}

/** A cell's text, or null when empty. */
function textOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return cell.text.trim() === '' ? null : cell.text.trim();
}

/**
 * A typed value as the API's decimal: a number as Excel keeps it, or text written `9.04`, `9,04`
 * or `1.752` (Vietnamese grouping), Có / Không for a yes/no line. Anything else is a problem.
 */
function decimalOf(
  cell: ExcelJS.Cell,
  line: FormLine,
): { value: string } | { problem: Omit<SubmissionProblem, 'path'> } {
  const value = cell.value;
  if (
    typeof value === 'object' &&
    value !== null &&
    ('formula' in value || 'sharedFormula' in value)
  ) {
    return {
      problem: {
        message: 'a formula: type the value itself',
        messageVi: 'Ô chứa công thức: hãy nhập giá trị',
      },
    };
  }
  if (typeof value === 'number') return { value: String(value) };
  if (typeof value === 'string') {
    const text = value.trim();
    if (line.kind === 'YES_NO' && (text === yes || text === no)) {
      return { value: text === yes ? '1' : '0' };
    }
    if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) {
      return { value: text.replace(/\./g, '').replace(',', '.') };
    }
    if (/^\d+,\d+$/.test(text)) return { value: text.replace(',', '.') };
    if (/^\d+(\.\d+)?$/.test(text)) return { value: text };
  }
  const shown = cell.text;
  return {
    problem: {
      message: `"${shown}" is not a number${line.kind === 'YES_NO' ? ' nor Có / Không' : ''}`,
      messageVi: `"${shown}" không phải là số${line.kind === 'YES_NO' ? ' hay Có / Không' : ''}`,
    },
  };
}

/**
 * `POST /imports/submission`: a filled template submitted through the same command as the
 * `submitResults` mutation, answered with the same result. The file is taken whole or not at all:
 * every problem is found before anything is submitted, and a refused submission records nothing.
 */
export async function importSubmission(
  context: GatewayContext,
  upload: MultipartUpload<ImportField>,
): Promise<{ status: number; body: unknown }> {
  const workbook = await loadWorkbook(upload.file);
  const data = sheetOf(workbook, dataSheetName);
  const lookup = sheetOf(workbook, lookupSheetName);
  const unit = textOf(lookup.getCell(templateUnitCell)) ?? '';
  const period = textOf(lookup.getCell(templatePeriodCell)) ?? '';
  if (!slug.safeParse(unit).success || !periodIdSchema.safeParse(period).success) {
    throw badRequest(
      `the sheet "${lookupSheetName}" does not name a unit and a period: use the template of GET /templates/submission.xlsx`,
      `Trang "${lookupSheetName}" không ghi đơn vị và kỳ: hãy dùng mẫu tải từ /templates/submission.xlsx`,
      'NOT_THE_TEMPLATE',
    );
  }
  checkTemplateIsOf(context, upload.fields, unit, period);
  const receivedAt = upload.fields.receivedAt ?? '';
  if (receivedAt !== '' && !instant.safeParse(receivedAt).success) {
    throw badRequest(
      `receivedAt=${receivedAt} is not a moment such as 2026-12-14T09:00:00+07:00`,
      `receivedAt=${receivedAt} không phải thời điểm dạng 2026-12-14T09:00:00+07:00`,
    );
  }
  const expectedVersion = upload.fields.expectedVersion ?? '';
  if (expectedVersion !== '' && !/^\d{1,9}$/.test(expectedVersion)) {
    throw badRequest(
      `expectedVersion=${expectedVersion} is not a version number`,
      `expectedVersion=${expectedVersion} không phải số phiên bản`,
    );
  }

  // The form as it stands now: a code the scheme no longer has is refused with its cell.
  const lines = new Map(
    formLines((await formOf(context, unit, period)).scheme).map((l) => [l.code, l]),
  );
  const problems: CellProblem[] = [];
  const cellOf = new Map<string, string>();
  const indicators: { code: string; value: string }[] = [];
  const selfScores: { criterion: string; score: string }[] = [];
  const headerRow = 5;
  for (let number = headerRow + 1; number <= data.rowCount; number += 1) {
    const row = data.getRow(number);
    const code = textOf(row.getCell(codeColumn));
    const valueCell = row.getCell(valueColumn);
    const where = cellName(number, valueColumn);
    if (row.hidden) {
      problems.push({
        path: `row ${number}`,
        cell: where,
        message: `row ${number} is hidden: show it or use a fresh template`,
        messageVi: `Dòng ${number} bị ẩn: hãy hiện dòng hoặc dùng mẫu mới`,
      });
    }
    if (valueCell.isMerged) {
      problems.push({
        path: `row ${number}`,
        cell: where,
        message: 'a merged cell: unmerge it',
        messageVi: 'Ô bị gộp: hãy bỏ gộp ô',
      });
    }
    if (code === null) {
      if (textOf(valueCell) !== null) {
        problems.push({
          path: `row ${number}`,
          cell: where,
          message: 'a value on a row without a code',
          messageVi: 'Có giá trị ở dòng không có mã',
        });
      }
      continue;
    }
    const line = lines.get(code);
    if (line === undefined) {
      problems.push({
        path: `row ${number}`,
        cell: cellName(number, codeColumn),
        message: `${code} is not a code of this period's form`,
        messageVi: `${code} không phải mã trong mẫu báo cáo của kỳ này`,
      });
      continue;
    }
    const path = line.kind === 'SELF_SCORE' ? `selfScores.${code}` : `indicators.${code}`;
    if (cellOf.has(path)) {
      problems.push({
        path,
        cell: where,
        message: `${code} is given twice`,
        messageVi: `${code} bị khai báo hai lần`,
      });
      continue;
    }
    cellOf.set(path, where);
    // An empty cell is left out; the command names it as missing.
    if (valueCell.value === null || valueCell.value === undefined || valueCell.text.trim() === '') {
      continue;
    }
    const parsed = decimalOf(valueCell, line);
    if ('problem' in parsed) {
      problems.push({ path, cell: where, ...parsed.problem });
    } else if (line.kind === 'SELF_SCORE') {
      selfScores.push({ criterion: code, score: parsed.value });
    } else {
      indicators.push({ code, value: parsed.value });
    }
  }
  if (problems.length > 0) return refusedCells(problems);

  const { submitResults: answer } = await runQuery<{ submitResults: SubmitAnswer }>(
    context,
    submitMutation,
    {
      unitCode: unit,
      periodId: period,
      indicators,
      selfScores,
      expectedVersion: expectedVersion === '' ? null : Number(expectedVersion),
      receivedAt: receivedAt === '' ? null : receivedAt,
    },
  );
  switch (answer.__typename) {
    case 'SubmissionAccepted':
      return { status: 200, body: { result: answer } };
    case 'ValidationError':
      return refusedCells(
        answer.fields.map((field) => ({ ...field, cell: cellOf.get(field.path) ?? null })),
      );
    default: {
      const [status, code] = statusOf[answer.__typename] ?? [400, 'BAD_REQUEST'];
      throw new FileRouteError(status, code, answer.message, answer.messageVi);
    }
  }
}

/**
 * Refuses a filled template that is not the one the caller means: another unit's or period's than
 * the `unit` and `period` fields say, or, for a unit importing its own results (not a paper report),
 * another unit's. The template names its unit and period on its lookup sheet.
 */
function checkTemplateIsOf(
  context: GatewayContext,
  fields: Partial<Record<ImportField, string>>,
  unit: string,
  period: string,
): void {
  const mismatch = (what: string, whatVi: string, expected: string, found: string) =>
    new FileRouteError(
      400,
      'TEMPLATE_MISMATCH',
      `this file is the template of ${unit} for ${period}: its ${what} is ${found}, not ${expected}; download the template of ${expected}`,
      `Tệp này là mẫu báo cáo của đơn vị ${unit} kỳ ${period}: ${whatVi} là ${found}, không phải ${expected}; hãy tải mẫu của ${expected}`,
    );
  const expectedUnit = fields.unit ?? '';
  if (expectedUnit !== '' && expectedUnit !== unit) {
    throw mismatch('unit', 'đơn vị', expectedUnit, unit);
  }
  const expectedPeriod = fields.period ?? '';
  if (expectedPeriod !== '' && expectedPeriod !== period) {
    throw mismatch('period', 'kỳ', expectedPeriod, period);
  }
  const viewer = context.viewer;
  const paper = (fields.receivedAt ?? '') !== '';
  if (viewer?.role === 'UNIT' && viewer.unitCode !== unit && !paper) {
    throw new FileRouteError(
      403,
      'TEMPLATE_OF_ANOTHER_UNIT',
      `this file is the template of ${unit} for ${period}, not of ${viewer.unitCode}: import your own unit's template (a cluster's lead records a member's paper report with receivedAt)`,
      `Tệp này là mẫu báo cáo của đơn vị ${unit} kỳ ${period}, không phải của đơn vị ${viewer.unitCode}: hãy nhập mẫu của chính đơn vị mình (cụm trưởng ghi nhận báo cáo giấy của đơn vị thành viên thì gửi kèm receivedAt)`,
    );
  }
}

/** A refusal that names every refused value by its cell, in English and Vietnamese. */
function refusedCells(problems: CellProblem[]): never {
  const where = (p: CellProblem) => (p.cell === null ? '' : `${p.cell}: `);
  throw new FileRouteError(
    400,
    'VALIDATION',
    `the file was not recorded: ${problems.map((p) => `${where(p)}${p.message}`).join('; ')}`,
    `Tệp chưa được ghi nhận: ${problems.map((p) => `${where(p)}${p.messageVi}`).join('; ')}`,
    { fields: problems },
  );
}
