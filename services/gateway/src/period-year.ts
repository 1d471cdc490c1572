/** The year a period id such as `2023-H1` belongs to (NaN for a malformed id, which matches nothing). */
export const yearOf = (periodId: string): number => Number(periodId.slice(0, 4));
