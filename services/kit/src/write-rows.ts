import { sql, type Insertable, type RawBuilder, type SelectType, type Transaction } from 'kysely';
import { chunksOf, rowsPerStatement } from './chunks.ts';

// A batch's writes, a multi-row statement per table and chunk. The statements are put together from
// Kysely's `sql` fragments: its query builder cannot type an insert into a table named by a type
// parameter, and these helpers serve every service's tables. Rows and column names are still
// checked against the service's `Database` type where the helpers are called.

/** What an upserted row does when the table keeps a row of the same key already. */
export type OnConflict<Column extends string> =
  /** Replaces the kept row's columns with the written ones. */
  | 'replace'
  /** Leaves the kept row as it is. */
  | 'keep'
  /**
   * Replaces the kept row only when the written row's `newer` column (a version, a revision) is
   * greater; of equal ones the kept row stays (`ties: 'first'`) or the written one replaces it
   * (`ties: 'last'`), as in `newestPerKey`.
   */
  | { newer: Column; ties: 'first' | 'last' };

/** The key columns of a row an upsert inserted or replaced. */
export type WrittenKey<Table, Key extends keyof Table> = {
  [Column in Key]: SelectType<Table[Column]>;
};

/**
 * Inserts `rows` into `table`, or, where the table keeps a row of the same `key` (the columns of
 * its primary key or a unique constraint), does what `onConflict` says. Rows written by one
 * statement must have distinct keys (PostgreSQL refuses to change a row twice in one statement).
 * Returns the keys of the rows inserted or replaced, not of those left as they were.
 */
export async function upsertRows<
  Database,
  Table extends keyof Database & string,
  Key extends keyof Database[Table] & string,
>(
  trx: Transaction<Database>,
  table: Table,
  key: readonly Key[],
  rows: readonly Insertable<Database[Table]>[],
  onConflict: OnConflict<keyof Database[Table] & string> = 'replace',
): Promise<WrittenKey<Database[Table], Key>[]> {
  const written: WrittenKey<Database[Table], Key>[] = [];
  const keyList = sql.join(key.map((column) => sql.ref(column)));
  const keyColumns = new Set<string>(key);
  for (const chunk of chunksOf(rows)) {
    const { columns, values } = valuesOf(chunk);
    const replaced = columns.filter((column) => !keyColumns.has(column));
    const result = await sql<WrittenKey<Database[Table], Key>>`
      INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      VALUES ${values}
      ON CONFLICT (${keyList}) ${conflictAction(table, replaced, onConflict)}
      RETURNING ${keyList}`.execute(trx);
    written.push(...result.rows);
  }
  return written;
}

/**
 * Inserts `rows` into `table`, `perStatement` rows a statement. Rows of a table numbered by a
 * sequence are numbered in the order given only one a statement (`perStatement: 1`): PostgreSQL
 * does not promise the order within a multi-row insert.
 */
export async function insertRows<Database, Table extends keyof Database & string>(
  trx: Transaction<Database>,
  table: Table,
  rows: readonly Insertable<Database[Table]>[],
  perStatement = rowsPerStatement,
): Promise<void> {
  for (const chunk of chunksOf(rows, perStatement)) {
    const { columns, values } = valuesOf(chunk);
    await sql`
      INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      VALUES ${values}`.execute(trx);
  }
}

/**
 * The columns any of `rows` gives and each row's values for them, a row that leaves a column out
 * (or gives `undefined`) taking its default, as Kysely's inserts do.
 */
function valuesOf(rows: readonly Readonly<Record<string, unknown>>[]): {
  columns: string[];
  values: RawBuilder<unknown>;
} {
  const columns = [
    ...new Set(
      rows.flatMap((row) => Object.keys(row).filter((column) => row[column] !== undefined)),
    ),
  ];
  const tuple = (row: Readonly<Record<string, unknown>>) =>
    sql`(${sql.join(columns.map((column) => (row[column] === undefined ? sql`DEFAULT` : row[column])))})`;
  return { columns, values: sql.join(rows.map(tuple)) };
}

function conflictAction(
  table: string,
  replaced: readonly string[],
  onConflict: OnConflict<string>,
): RawBuilder<unknown> {
  if (onConflict === 'keep' || replaced.length === 0) return sql`DO NOTHING`;
  const set = sql`DO UPDATE SET ${sql.join(
    replaced.map((column) => sql`${sql.ref(column)} = ${sql.ref(`excluded.${column}`)}`),
  )}`;
  if (onConflict === 'replace') return set;
  const kept = sql.ref(`${table}.${onConflict.newer}`);
  const written = sql.ref(`excluded.${onConflict.newer}`);
  return onConflict.ties === 'first'
    ? sql`${set} WHERE ${kept} < ${written}`
    : sql`${set} WHERE ${kept} <= ${written}`;
}
