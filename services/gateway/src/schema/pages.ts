import {
  resolveArrayConnection,
  resolveOffsetConnection,
  type DefaultConnectionArguments,
} from '@pothos/plugin-relay';

/**
 * Pages of every connection: 20 items unless `first`/`last` asks for others, never over 100 (the
 * builder already refuses a larger `first` or `last`; this is the backstop).
 */
const pageSizes = { defaultSize: 20, maxSize: 100 } as const;

/**
 * One page of an ordered list that is small enough to read whole (a cluster's years, a unit's
 * versions), with its total count.
 */
export function pageOf<Item>(args: DefaultConnectionArguments, items: Item[]) {
  return { ...resolveArrayConnection({ args, ...pageSizes }, items), totalCount: items.length };
}

/**
 * One page of an ordered list read by the database: `totalCount` is the list's length, `read`
 * returns the rows at `offset` (at most `limit`, one more than the page to tell a next page).
 */
export function pageInSql<Item>(
  args: DefaultConnectionArguments,
  totalCount: number,
  read: (page: { offset: number; limit: number }) => Promise<Item[]>,
) {
  return resolveOffsetConnection({ args, ...pageSizes, totalCount }, read);
}
