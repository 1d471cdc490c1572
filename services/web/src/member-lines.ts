export interface MemberLine {
  unitCode: string;
  name: string;
  mergedFrom: string[];
}

/**
 * One member a line: `code | name | merged-from, merged-from`; a tab (a row pasted from Excel)
 * separates as well as `|`. Blank lines are skipped.
 */
export function parseMemberLines(text: string): MemberLine[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [unitCode = '', name = '', merged = ''] = line.split(/\t|\|/).map((p) => p.trim());
      const mergedFrom = merged
        .split(',')
        .map((code) => code.trim())
        .filter((code) => code !== '');
      return { unitCode, name, mergedFrom };
    });
}
