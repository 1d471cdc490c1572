import type { EventOf } from '@thidua/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFigures } from '../../../infra/src/demo/demo-figures.ts';
import {
  clusterDefined,
  periodOpened,
  resultsSubmitted,
  schemeAssigned,
} from '../../../test/support/given-events.ts';
import { projection, type Projection } from '../../../test/support/projection.ts';
import type { ScoringDatabase } from '../src/database.ts';
import { handleBatch } from '../src/handle-batch.ts';
import { scoringMigrations } from '../src/migrations/index.ts';

// Each test uses a cluster of its own, so they share one database.
let scoring: Projection<ScoringDatabase, 'contest'>;
beforeAll(async () => {
  scoring = await projection('scoring', scoringMigrations, handleBatch);
});
afterAll(() => scoring.close());

/** Unit `index`'s demo figures for 2026-H1, as one version of its submission. */
function submitted(clusterCode: string, unitCode: string, index: number, version: number) {
  const { indicators, selfScores } = demoFigures({ index, period: 'H1' });
  const event = resultsSubmitted(
    clusterCode,
    '2026-H1',
    unitCode,
    version,
    Object.fromEntries(indicators.map((i) => [i.code, i.value])),
  );
  event.data.selfScores = Object.fromEntries(selfScores.map((s) => [s.criterion, s.score]));
  return event;
}

const openCluster = (clusterCode: string) => [
  clusterDefined(clusterCode, 2026, ['a', 'b']),
  schemeAssigned(clusterCode, 2026, { flagQuota: 1, meritQuota: { count: 1 } }),
  periodOpened(clusterCode, '2026-H1'),
];

const scorecardsIn = (emitted: readonly { type: string }[]) =>
  emitted.filter((e): e is EventOf<'ScorecardComputed'> => e.type === 'ScorecardComputed');

describe('scoring projection', () => {
  test('given an open period, when a unit submits, then its scorecard is kept and emitted, caused by the submission', async () => {
    await scoring.given(openCluster('s-01'));
    const submission = submitted('s-01', 'a', 0, 1);
    const emitted = await scoring.when([submission]);

    expect(scorecardsIn(emitted)).toHaveLength(1);
    expect(emitted[0]).toMatchObject({
      type: 'ScorecardComputed',
      source: 'scoring',
      clusterCode: 's-01',
      causationId: submission.id,
      data: { unitCode: 'a', periodId: '2026-H1', submissionVersion: 1, onTime: true },
    });
    const kept = await scoring.db
      .selectFrom('scorecards')
      .select(['unit_code', 'scorecard'])
      .where('cluster_code', '=', 's-01')
      .execute();
    expect(kept.map((k) => [k.unit_code, k.scorecard.total])).toEqual([
      ['a', scorecardsIn(emitted)[0]?.data.total],
    ]);
  });

  test('given a newer version counted, when an older one is replayed, then nothing is emitted', async () => {
    await scoring.given(openCluster('s-02'), [submitted('s-02', 'a', 0, 2)]);
    expect(await scoring.when([submitted('s-02', 'a', 3, 1)])).toEqual([]);
    const counted = await scoring.db
      .selectFrom('submissions')
      .select('submission_version')
      .where('cluster_code', '=', 's-02')
      .execute();
    expect(counted).toEqual([{ submission_version: 2 }]);
  });

  test('given a submission before its period opened, when the period opens, then it is scored', async () => {
    await scoring.given(
      [
        clusterDefined('s-03', 2026, ['a', 'b']),
        schemeAssigned('s-03', 2026, { flagQuota: 1, meritQuota: { count: 1 } }),
      ],
      [submitted('s-03', 'b', 1, 1)],
    );
    const opened = periodOpened('s-03', '2026-H1');
    const emitted = await scoring.when([opened]);
    expect(scorecardsIn(emitted).map((e) => [e.data.unitCode, e.causationId])).toEqual([
      ['b', opened.id],
    ]);
  });
});
