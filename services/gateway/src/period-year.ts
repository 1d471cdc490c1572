import { periodId } from '@thidua/schema';

/**
 * The year a period id such as `2023-H1` belongs to. Ids are validated where they enter (the
 * arguments of queries, the commands); a malformed one reaching this is a bug, refused here rather
 * than looked up as the year NaN.
 */
export function yearOf(id: string): number {
  if (!periodId.safeParse(id).success) throw new Error(`malformed period id ${JSON.stringify(id)}`);
  return Number(id.slice(0, 4));
}
