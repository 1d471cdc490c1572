import type { EventOf } from '@thidua/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  clusterDefined,
  periodClosed,
  periodOpened,
  resultsSubmitted,
  schemeAssigned,
} from '../../../test/support/given-events.ts';
import { projection, type Projection } from '../../../test/support/projection.ts';
import type { ScoringDatabase } from '../src/database.ts';
import { handleBatch } from '../src/handle-batch.ts';
import { scoringMigrations } from '../src/migrations/index.ts';
import { bonusAdded, deadlineSet, indicatorReviewed } from './given-facts.ts';

// Each test uses a cluster of its own, so they share one database.
let scoring: Projection<ScoringDatabase, 'contest'>;
beforeAll(async () => {
  scoring = await projection('scoring', scoringMigrations, handleBatch);
});
afterAll(() => scoring.close());

/** A version of a unit's 2026-H1 submission: `documents` advised. */
const submitted = (clusterCode: string, unitCode: string, documents: number, version: number) =>
  resultsSubmitted(clusterCode, '2026-H1', unitCode, version, { documents: String(documents) });

/** One criterion, relative to the cluster's best: a unit's points depend on the others' figures. */
const relativeScheme = {
  indicators: [
    { code: 'documents', title: 'Văn bản tham mưu', kind: 'COUNT' as const, maxValue: '500' },
  ],
  headings: [
    {
      code: '1',
      title: 'Công tác tham mưu',
      criteria: [
        {
          code: '1.1',
          title: 'Văn bản tham mưu so với đơn vị cao nhất',
          maxPoints: '100',
          method: 'RELATIVE' as const,
          indicator: 'documents',
          direction: 'HIGHER_IS_BETTER' as const,
        },
      ],
    },
  ],
};

const openCluster = (clusterCode: string) => [
  clusterDefined(clusterCode, 2026, ['a', 'b']),
  schemeAssigned(clusterCode, 2026, { flagQuota: 1, meritQuota: { count: 1 } }, relativeScheme),
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
        schemeAssigned('s-03', 2026, { flagQuota: 1, meritQuota: { count: 1 } }, relativeScheme),
      ],
      [submitted('s-03', 'b', 1, 1)],
    );
    const opened = periodOpened('s-03', '2026-H1');
    const emitted = await scoring.when([opened]);
    expect(scorecardsIn(emitted).map((e) => [e.data.unitCode, e.causationId])).toEqual([
      ['b', opened.id],
    ]);
  });

  test('given a unit scored, when another reports more, then both scorecards are emitted, the first rescored against the new best', async () => {
    await scoring.given(openCluster('s-04'), [submitted('s-04', 'a', 10, 1)]);
    const better = submitted('s-04', 'b', 20, 1);
    const emitted = scorecardsIn(await scoring.when([better]));
    expect(emitted.map((e) => [e.data.unitCode, e.data.total, e.causationId])).toEqual([
      ['a', '50.00', better.id],
      ['b', '100.00', better.id],
    ]);
  });

  test('given a period opened, when its deadline moves and it closes, then it is closed and rescored late; a period not opened is not created', async () => {
    await scoring.given(openCluster('s-05'), [submitted('s-05', 'a', 1, 1)]);
    const earlier = deadlineSet('s-05', '2026-H1', '2026-07-01T17:00:00+07:00');
    const emitted = await scoring.when([
      periodClosed('s-05', '2026-FY'),
      deadlineSet('s-05', '2026-FY', '2026-12-31T17:00:00+07:00'),
      earlier,
      periodClosed('s-05', '2026-H1'),
    ]);
    expect(scorecardsIn(emitted).map((e) => [e.data.onTime, e.causationId])).toEqual([
      [false, earlier.id],
    ]);
    const periods = await scoring.db
      .selectFrom('periods')
      .select(['period_id', 'deadline', 'closed'])
      .where('cluster_code', '=', 's-05')
      .execute();
    expect(periods).toEqual([
      { period_id: '2026-H1', deadline: earlier.data.deadline, closed: true },
    ]);
  });

  test('given scored units, when a value is reviewed and an item added twice, then the reviewed value is the best and the item counts once', async () => {
    await scoring.given(openCluster('s-06'), [
      submitted('s-06', 'a', 10, 1),
      submitted('s-06', 'b', 20, 1),
    ]);
    const itemId = randomUUID();
    const emitted = scorecardsIn(
      await scoring.when([
        indicatorReviewed('s-06', 'b', '5'),
        bonusAdded('s-06', 'b', itemId, '2'),
        bonusAdded('s-06', 'b', itemId, '4'),
      ]),
    );
    // a's 10 is now the best: a 100; b 100 × 5 / 10 + 2.
    expect(emitted.map((e) => [e.data.unitCode, e.data.total])).toEqual([
      ['a', '100.00'],
      ['b', '52.00'],
    ]);
    expect(await scoring.when([bonusAdded('s-06', 'b', itemId, '4')])).toEqual([]);
  });

  test('given nine clusters open, when each gets a submission in one batch, then every period is scored, more than one chunk of periods', async () => {
    const clusters = Array.from({ length: 9 }, (_, i) => `s-1${String(i)}`);
    await scoring.given(clusters.flatMap(openCluster));
    const emitted = scorecardsIn(
      await scoring.when(clusters.map((code) => submitted(code, 'a', 1, 1))),
    );
    expect(emitted.map((e) => e.clusterCode)).toEqual(clusters);
  });
});
