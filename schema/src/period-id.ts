import { periodId } from './codes.ts';

/** The kind of a period: semi-annual (`H1`) or year-end (`FY`). */
export type PeriodKind = 'H1' | 'FY';

/**
 * The year and kind of a period id such as `2023-H1`. Ids are validated where they enter (commands,
 * query arguments, event envelopes); a malformed one reaching this is a bug, refused here rather
 * than read as the year NaN.
 */
export function parsePeriodId(id: string): { year: number; kind: PeriodKind } {
  if (!periodId.safeParse(id).success) throw new Error(`malformed period id ${JSON.stringify(id)}`);
  return { year: Number(id.slice(0, 4)), kind: id.endsWith('-FY') ? 'FY' : 'H1' };
}

/** The year a period belongs to. */
export const yearOf = (id: string): number => parsePeriodId(id).year;

/** Whether the period closes its year (its standings decide the awards). */
export const isYearEnd = (id: string): boolean => parsePeriodId(id).kind === 'FY';

/** Orders period ids in time: by year, and a year's first half before its year-end. */
export function comparePeriodIds(a: string, b: string): number {
  const left = parsePeriodId(a);
  const right = parsePeriodId(b);
  if (left.year !== right.year) return left.year - right.year;
  return left.kind === right.kind ? 0 : left.kind === 'H1' ? -1 : 1;
}
