import { sql, type Generated, type Insertable, type Kysely, type Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { createDb, ensureDatabase } from '../src/db.ts';
import { insertRows, upsertRows, type OnConflict } from '../src/write-rows.ts';

interface TestDatabase {
  versions: { unit_code: string; year: number; version: number; note: string | null };
  entries: { seq: Generated<string>; unit_code: string; note: string };
}

const schema = `kit_${randomBytes(4).toString('hex')}`;
const key = ['unit_code', 'year'] as const;

describe('upsertRows and insertRows', () => {
  let db: Kysely<TestDatabase>;
  const inTransaction = <Result>(write: (trx: Transaction<TestDatabase>) => Promise<Result>) =>
    db.transaction().execute(write);
  /** Upserts `rows` into `versions`, keyed by unit and year, in a transaction of their own. */
  const upsertVersions = (
    rows: Insertable<TestDatabase['versions']>[],
    onConflict?: OnConflict<keyof TestDatabase['versions']>,
  ) => inTransaction((trx) => upsertRows(trx, 'versions', key, rows, onConflict));

  const kept = () =>
    db
      .selectFrom('versions')
      .select(['unit_code', 'version', 'note'])
      .orderBy('unit_code')
      .orderBy('year')
      .execute();

  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    await ensureDatabase(databaseUrl);
    db = createDb<TestDatabase>(databaseUrl, schema);
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
    await sql`CREATE TABLE versions (unit_code text, year int, version int NOT NULL, note text,
      PRIMARY KEY (unit_code, year))`.execute(db);
    await sql`CREATE TABLE entries (seq bigserial PRIMARY KEY, unit_code text NOT NULL,
      note text NOT NULL)`.execute(db);
  });

  afterAll(async () => {
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  });

  beforeEach(async () => {
    await db.deleteFrom('versions').execute();
    await upsertVersions([
      { unit_code: 'A', year: 2024, version: 2, note: 'kept' },
      { unit_code: 'B', year: 2024, version: 2, note: null },
    ]);
  });

  test('replace: the written columns replace the kept row; the keys written are returned', async () => {
    const written = await upsertVersions([
      { unit_code: 'A', year: 2024, version: 1, note: 'older' },
      { unit_code: 'C', year: 2024, version: 1, note: null },
    ]);
    expect(written).toEqual([
      { unit_code: 'A', year: 2024 },
      { unit_code: 'C', year: 2024 },
    ]);
    expect(await kept()).toEqual([
      { unit_code: 'A', version: 1, note: 'older' },
      { unit_code: 'B', version: 2, note: null },
      { unit_code: 'C', version: 1, note: null },
    ]);
  });

  test('keep: a kept row stays and is not returned; a new key is inserted', async () => {
    const written = await upsertVersions(
      [
        { unit_code: 'A', year: 2024, version: 3, note: 'newer' },
        { unit_code: 'A', year: 2025, version: 1, note: 'next year' },
      ],
      'keep',
    );
    expect(written).toEqual([{ unit_code: 'A', year: 2025 }]);
    expect((await kept()).filter((row) => row.unit_code === 'A')).toEqual([
      { unit_code: 'A', version: 2, note: 'kept' },
      { unit_code: 'A', version: 1, note: 'next year' },
    ]);
  });

  test.each([
    { ties: 'first', equalReplaces: false },
    { ties: 'last', equalReplaces: true },
  ] as const)(
    'newer version, ties $ties: an older version never replaces, an equal one only with last',
    async ({ ties, equalReplaces }) => {
      const written = await upsertVersions(
        [
          { unit_code: 'A', year: 2024, version: 1, note: 'older' },
          { unit_code: 'B', year: 2024, version: 2, note: 'equal' },
        ],
        { newer: 'version', ties },
      );
      expect(written).toEqual(equalReplaces ? [{ unit_code: 'B', year: 2024 }] : []);
      const newer = await upsertVersions(
        [{ unit_code: 'A', year: 2024, version: 3, note: 'newer' }],
        { newer: 'version', ties },
      );
      expect(newer).toEqual([{ unit_code: 'A', year: 2024 }]);
      expect(await kept()).toEqual([
        { unit_code: 'A', version: 3, note: 'newer' },
        { unit_code: 'B', version: 2, note: equalReplaces ? 'equal' : null },
      ]);
    },
  );

  test('insertRows one a statement numbers the rows in the order given; a left-out column takes its default', async () => {
    const notes = ['first', 'second', 'third', 'fourth', 'fifth'];
    await inTransaction((trx) =>
      insertRows(
        trx,
        'entries',
        notes.map((note) => ({ unit_code: 'A', note })),
        1,
      ),
    );
    const rows = await db.selectFrom('entries').select(['seq', 'note']).orderBy('seq').execute();
    expect(rows.map((row) => row.note)).toEqual(notes);
    expect(new Set(rows.map((row) => row.seq)).size).toBe(notes.length);
  });
});
