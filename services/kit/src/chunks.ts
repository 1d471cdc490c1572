/**
 * Rows per multi-row statement. PostgreSQL takes at most 65,535 parameters in one statement; at
 * ten columns a row this stays far below, and a batch of a partition (at most 1 MB of events)
 * rarely needs more than one statement.
 */
export const rowsPerStatement = 2000;

/** Splits rows into slices of at most `size`, for one multi-row statement each. */
export function chunksOf<Row>(rows: readonly Row[], size = rowsPerStatement): Row[][] {
  const slices: Row[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    slices.push(rows.slice(start, start + size));
  }
  return slices;
}
