import { yearOf } from '@thidua/schema';
import { sql, type RawBuilder } from 'kysely';

/** A cluster's period: what scorecards, standings and period summaries are kept by. */
export interface ClusterPeriod {
  clusterCode: string;
  periodId: string;
}

/** A cluster's year: what membership, schemes and award sheets are kept by. */
export interface ClusterYear {
  clusterCode: string;
  year: number;
}

/** The columns every service's tables keep a cluster-period by, as an upsert's key names them. */
export const clusterPeriodKey = ['cluster_code', 'period_id'] as const;

/** The columns every service's tables keep a cluster-year by, as an upsert's key names them. */
export const clusterYearKey = ['cluster_code', 'year'] as const;

/** A cluster-period as the key columns of a row. */
export const clusterPeriodColumns = (key: ClusterPeriod) => ({
  cluster_code: key.clusterCode,
  period_id: key.periodId,
});

/** A cluster-year as the key columns of a row. */
export const clusterYearColumns = (key: ClusterYear) => ({
  cluster_code: key.clusterCode,
  year: key.year,
});

/** The event that last made something stale: the cause of what its recomputation emits. */
export interface Cause {
  causationId: string;
  causedAt: string;
}

/** A cluster-period or cluster-year to compute again, with its cause. */
export type Stale<Key extends ClusterPeriod | ClusterYear> = Key & Cause;

/** The one string a cluster-period or cluster-year is looked up by. */
export const clusterKey = (key: ClusterPeriod | ClusterYear): string =>
  'periodId' in key
    ? `${key.clusterCode}/${key.periodId}`
    : `${key.clusterCode}/${String(key.year)}`;

/**
 * Adds a period just opened to the periods known for its cluster-year (`periods`, by the year's
 * `clusterKey`), once: what a change to the year's membership or scheme makes stale.
 */
export function addOpenedPeriod(periods: Map<string, string[]>, period: ClusterPeriod): void {
  const yearKey = clusterKey({ clusterCode: period.clusterCode, year: yearOf(period.periodId) });
  const known = periods.get(yearKey) ?? [];
  if (!known.includes(period.periodId)) periods.set(yearKey, [...known, period.periodId]);
}

/**
 * What a batch made stale, each cluster-period (or cluster-year) once, kept with the last event of
 * the batch that made it so. Kept in the order first marked.
 */
export class StaleSet<Key extends ClusterPeriod | ClusterYear> {
  // Marked once per event of a busy batch: a later event only updates the entry it finds.
  private readonly marked = new Map<
    string,
    { key: Key; event: { id: string; occurredAt: string }; index: number }
  >();

  /** Marks `key` stale by `event`, found at `index` of the batch. */
  mark(key: Key, event: { id: string; occurredAt: string }, index: number): void {
    const name = clusterKey(key);
    const kept = this.marked.get(name);
    if (kept === undefined) this.marked.set(name, { key, event, index });
    else if (kept.index < index) {
      kept.event = event;
      kept.index = index;
    }
  }

  items(): Stale<Key>[] {
    return [...this.marked.values()].map(({ key, event }) => ({
      ...key,
      causationId: event.id,
      causedAt: event.occurredAt,
    }));
  }
}

/**
 * `(left, right) IN` the pairs given as two arrays, unnested by PostgreSQL: a statement has the same
 * two parameters however many pairs (a batch's stale periods) it asks about.
 */
export function pairIn(
  [left, right]: readonly [string, string],
  lefts: readonly string[],
  rights: readonly (string | number)[],
  rightType: 'text' | 'int',
): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(left)}, ${sql.ref(right)}) IN (SELECT * FROM unnest(${lefts}::text[], ${rights}::${sql.raw(rightType)}[]))`;
}

/**
 * The newest item of each key by version, as a batch's upsert must write it: one row per key, and
 * the row the events applied one by one would leave. Of equal versions the first stays when the
 * table replaces only older ones (`ties: 'first'`), the last when it replaces equal ones too.
 */
export function newestPerKey<Item>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  versionOf: (item: Item) => number,
  ties: 'first' | 'last',
): Map<string, Item> {
  const newest = new Map<string, Item>();
  for (const item of items) {
    const key = keyOf(item);
    const kept = newest.get(key);
    const replaces =
      kept === undefined ||
      versionOf(kept) < versionOf(item) ||
      (ties === 'last' && versionOf(kept) === versionOf(item));
    if (replaces) newest.set(key, item);
  }
  return newest;
}
