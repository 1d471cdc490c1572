import { sql, type RawBuilder } from 'kysely';

/**
 * What a batch made stale (cluster-periods, cluster-years), each kept with the last event that made
 * it so: that event is the cause of what the recomputation emits. Kept in the order first marked.
 */
export class StaleSet<Item> {
  private readonly marked = new Map<string, { item: Item; index: number }>();

  constructor(private readonly keyOf: (item: Item) => string) {}

  /** Marks `item` stale by the event at `index` of the batch. */
  mark(item: Item, index: number): void {
    const key = this.keyOf(item);
    const kept = this.marked.get(key);
    if (kept === undefined || kept.index < index) this.marked.set(key, { item, index });
  }

  items(): Item[] {
    return [...this.marked.values()].map((kept) => kept.item);
  }
}

/** A cluster's period to compute again, and the last event that made it stale: the cause of what it yields. */
export interface StalePeriod {
  clusterCode: string;
  periodId: string;
  causationId: string;
  causedAt: string;
}

/** The period `periodId` of the event's cluster, made stale by that event. */
export function stalePeriod(
  event: { id: string; clusterCode: string; occurredAt: string },
  periodId: string,
): StalePeriod {
  return {
    clusterCode: event.clusterCode,
    periodId,
    causationId: event.id,
    causedAt: event.occurredAt,
  };
}

/** A batch's stale periods, one per cluster and period. */
export function stalePeriods(): StaleSet<StalePeriod> {
  return new StaleSet<StalePeriod>((p) => `${p.clusterCode}/${p.periodId}`);
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
