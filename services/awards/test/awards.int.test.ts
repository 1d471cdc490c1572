import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  awardDecided,
  clusterDefined,
  periodClosed,
  schemeAssigned,
  scorecard,
  standingsChanged,
} from '../../../test/support/given-events.ts';
import { projection, type Projection } from '../../../test/support/projection.ts';
import type { AwardsDatabase } from '../src/database.ts';
import { handleBatch } from '../src/handle-batch.ts';
import { awardsMigrations } from '../src/migrations/index.ts';

// Each test uses a cluster of its own, so they share one database.
let awards: Projection<AwardsDatabase, 'contest' | 'scores' | 'rankings'>;
beforeAll(async () => {
  awards = await projection('awards', awardsMigrations, handleBatch);
});
afterAll(() => awards.close());

/** A cluster of a, b and c for 2026, one flag and one merit seat, year-end scorecards and standings. */
const yearEndOf = (clusterCode: string) => [
  clusterDefined(clusterCode, 2026, ['a', 'b', 'c']),
  schemeAssigned(clusterCode, 2026, { flagQuota: 1, meritQuota: { count: 1 } }),
  scorecard(clusterCode, '2026-FY', 'a', 1, '90.00', 'XUAT_SAC'),
  scorecard(clusterCode, '2026-FY', 'b', 1, '89.00', 'XUAT_SAC'),
  scorecard(clusterCode, '2026-FY', 'c', 1, '88.00', 'XUAT_SAC'),
  standingsChanged(clusterCode, '2026-FY', 1, ['a', 'b', 'c']),
];

const sheetsOf = (clusterCode: string) =>
  awards.db
    .selectFrom('sheets')
    .select(['year', 'revision', 'sheet'])
    .where('cluster_code', '=', clusterCode)
    .orderBy('revision')
    .execute();

describe('awards projection', () => {
  test('given year-end standings, when the year-end period closes, then a sheet is proposed and emitted', async () => {
    await awards.given(yearEndOf('w-01'));
    expect(await sheetsOf('w-01')).toEqual([]);
    const closed = periodClosed('w-01', '2026-FY');
    const emitted = await awards.when([closed]);

    const sheets = await sheetsOf('w-01');
    expect(sheets.map((s) => [s.year, s.revision])).toEqual([[2026, 1]]);
    expect(sheets[0]?.sheet.lines.map((l) => [l.unitCode, l.proposed, l.status])).toEqual([
      ['a', 'FLAG', 'PROPOSED'],
      ['b', 'MERIT', 'PROPOSED'],
    ]);
    expect(emitted).toMatchObject([
      {
        type: 'AwardsChanged',
        causationId: closed.id,
        data: { year: 2026, revision: 1, lines: sheets[0]?.sheet.lines },
      },
    ]);
  });

  test('given a proposed sheet, when the board approves a line, then a new revision grants it', async () => {
    await awards.given(yearEndOf('w-02'), [periodClosed('w-02', '2026-FY')]);
    const decided = awardDecided('w-02', 2026, 'a', 'FLAG');
    const emitted = await awards.when([decided]);

    expect(emitted).toMatchObject([
      { type: 'AwardsChanged', causationId: decided.id, data: { revision: 2 } },
    ]);
    const latest = (await sheetsOf('w-02')).at(-1);
    expect(latest?.sheet.lines.map((l) => [l.unitCode, l.granted])).toEqual([
      ['a', 'FLAG'],
      ['b', null],
    ]);
  });

  test('given a sheet, when an H1 period closes or an H1 scorecard arrives, then nothing changes', async () => {
    await awards.given(yearEndOf('w-03'), [periodClosed('w-03', '2026-FY')]);
    const emitted = await awards.when([
      periodClosed('w-03', '2026-H1'),
      scorecard('w-03', '2026-H1', 'c', 1, '99.00', 'XUAT_SAC'),
    ]);
    expect(emitted).toEqual([]);
    expect((await sheetsOf('w-03')).map((s) => s.revision)).toEqual([1]);
  });
});
