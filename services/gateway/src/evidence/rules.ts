import type { MultipartForm, MultipartUpload } from '../files/multipart.ts';

/** The bounds on evidence files (issue 15): one file, and all of a unit's files in a period. */
export const evidenceLimits = {
  fileBytes: 10 * 1024 * 1024,
  unitPeriodBytes: 50 * 1024 * 1024,
} as const;

type EvidenceField = 'unit' | 'period' | 'criterion';

export type EvidenceUpload = MultipartUpload<EvidenceField>;

const fileMegabytes = evidenceLimits.fileBytes / 1024 / 1024;

/** `POST /evidence`: the fields unit, period and criterion, and the file. */
export const evidenceForm: MultipartForm<EvidenceField> = {
  fileBytes: evidenceLimits.fileBytes,
  fields: ['unit', 'period', 'criterion'],
  mostFields: 8,
  refusals: {
    notMultipart: {
      message: 'send the evidence as multipart/form-data: fields unit, period, criterion and file',
      messageVi:
        'Gửi minh chứng dưới dạng multipart/form-data: các trường unit, period, criterion và file',
    },
    tooLarge: {
      code: 'FILE_TOO_LARGE',
      message: `an evidence file is at most ${fileMegabytes} MB`,
      messageVi: `Tệp minh chứng không được vượt quá ${fileMegabytes} MB`,
    },
    fileField: {
      message: 'send the evidence as the field file',
      messageVi: 'gửi minh chứng trong trường file',
    },
    tooManyParts: {
      message: 'too many parts: send one file and the fields unit, period and criterion',
      messageVi: 'Quá nhiều phần: chỉ gửi một tệp và các trường unit, period, criterion',
    },
    noFile: {
      message: 'no file: send the evidence in the field file',
      messageVi: 'Không có tệp: gửi minh chứng trong trường file',
    },
  },
};

/**
 * The kinds of file taken as evidence, by what their bytes are (never by their names), with the
 * media type each is served as. A .docx and a .xlsx are both zip archives; file-type tells them
 * apart by the parts inside (word/ or xl/).
 */
export const evidenceTypes: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/**
 * The name a file is listed and downloaded under: the sender's name without any folder, control
 * characters or quotes, at most 200 characters; `minh-chung` when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
  return clean === '' ? 'minh-chung' : clean;
}
