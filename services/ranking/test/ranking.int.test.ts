import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projection, type Projection } from '../../../test/support/projection.ts';
import type { RankingDatabase } from '../src/database.ts';
import { handleBatch } from '../src/handle-batch.ts';
import { rankingMigrations } from '../src/migrations/index.ts';
import { clusterDefined, periodOpened, scorecard } from '../../../test/support/given-events.ts';

// Each test uses a cluster of its own, so they share one database.
let ranking: Projection<RankingDatabase, 'contest' | 'scores'>;
beforeAll(async () => {
  ranking = await projection('ranking', rankingMigrations, handleBatch);
});
afterAll(() => ranking.close());

const standingsOf = (clusterCode: string) =>
  ranking.db
    .selectFrom('standings')
    .select(['period_id', 'revision', 'entries'])
    .where('cluster_code', '=', clusterCode)
    .orderBy('period_id')
    .orderBy('revision')
    .execute();

describe('ranking projection', () => {
  test('given a cluster and an open period, when scorecards arrive, then standings are kept and emitted', async () => {
    await ranking.given([
      clusterDefined('p-01', 2026, ['a', 'b']),
      periodOpened('p-01', '2026-H1'),
    ]);
    const last = scorecard('p-01', '2026-H1', 'b', 1, '90.00');
    const emitted = await ranking.when([scorecard('p-01', '2026-H1', 'a', 1, '80.00'), last]);

    const rows = await standingsOf('p-01');
    expect(rows.map((r) => [r.period_id, r.revision])).toEqual([
      ['2026-H1', 1],
      ['2026-H1', 2],
    ]);
    expect(rows[1]?.entries.map((e) => [e.unitCode, e.rank])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(emitted).toMatchObject([
      {
        type: 'StandingsChanged',
        causationId: last.id,
        data: { periodId: '2026-H1', revision: 2, entries: rows[1]?.entries },
      },
    ]);
  });

  test('given a newer submission version kept, when an older scorecard arrives, then nothing changes', async () => {
    await ranking.given(
      [clusterDefined('p-02', 2026, ['a']), periodOpened('p-02', '2026-H1')],
      [scorecard('p-02', '2026-H1', 'a', 2, '70.00')],
    );
    const emitted = await ranking.when([scorecard('p-02', '2026-H1', 'a', 1, '99.00')]);

    expect(emitted).toEqual([]);
    const kept = await ranking.db
      .selectFrom('scorecards')
      .select(['submission_version', 'scorecard'])
      .where('cluster_code', '=', 'p-02')
      .execute();
    expect(kept).toMatchObject([{ submission_version: 2, scorecard: { total: '70.00' } }]);
    expect((await standingsOf('p-02')).map((r) => r.revision)).toEqual([1, 2]);
  });

  test('given periods opened in a year, when its membership changes, then each is ranked again with the new member', async () => {
    await ranking.given(
      [clusterDefined('p-03', 2026, ['a']), periodOpened('p-03', '2026-H1')],
      [periodOpened('p-03', '2026-FY'), scorecard('p-03', '2026-H1', 'a', 1, '50.00')],
    );
    const defined = clusterDefined('p-03', 2026, ['a', 'z']);
    const emitted = await ranking.when([defined]);

    expect(emitted.map((e) => [e.type, e.causationId])).toEqual([
      ['StandingsChanged', defined.id],
      ['StandingsChanged', defined.id],
    ]);
    const latest = new Map((await standingsOf('p-03')).map((r) => [r.period_id, r.entries]));
    expect(latest.get('2026-H1')?.map((e) => [e.unitCode, e.status])).toEqual([
      ['a', 'RANKED'],
      ['z', 'NOT_SUBMITTED'],
    ]);
    expect(latest.get('2026-FY')?.map((e) => e.status)).toEqual(['NOT_SUBMITTED', 'NOT_SUBMITTED']);
  });

  test('given standings kept, when the same batch is handled again, then no revision is added', async () => {
    const batch = [
      clusterDefined('p-04', 2026, ['a']),
      periodOpened('p-04', '2026-H1'),
      scorecard('p-04', '2026-H1', 'a', 1, '40.00'),
    ];
    await ranking.given(batch);
    expect(await ranking.when(batch)).toEqual([]);
    expect((await standingsOf('p-04')).map((r) => r.revision)).toEqual([1]);
  });
});
