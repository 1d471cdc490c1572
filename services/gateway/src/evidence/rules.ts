/** The bounds on evidence files (issue 15): one file, and all of a unit's files in a period. */
export const evidenceLimits = {
  fileBytes: 10 * 1024 * 1024,
  unitPeriodBytes: 50 * 1024 * 1024,
} as const;

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
