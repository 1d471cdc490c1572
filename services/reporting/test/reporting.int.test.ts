import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clusterDefined,
  periodOpened,
  resultsSubmitted,
  schemeAssigned,
  scorecard,
} from '../../../test/support/given-events.ts';
import { projection, type Projection } from '../../../test/support/projection.ts';
import type { ReportingDatabase } from '../src/database.ts';
import { handleBatch } from '../src/handle-batch.ts';
import { reportingMigrations } from '../src/migrations/index.ts';
import { ALL_CLUSTERS } from '../src/recompute.ts';

// Each test uses a period of its own, so they share one database (and the roll-up over clusters).
let reporting: Projection<ReportingDatabase, 'contest' | 'scores' | 'awards'>;
beforeAll(async () => {
  reporting = await projection('reporting', reportingMigrations, handleBatch);
});
afterAll(() => reporting.close());

const quotas = { flagQuota: 1, meritQuota: { count: 1 } };

const summaryOf = async (clusterCode: string, periodId: string) =>
  (
    await reporting.db
      .selectFrom('summaries')
      .select('summary')
      .where('cluster_code', '=', clusterCode)
      .where('period_id', '=', periodId)
      .executeTakeFirst()
  )?.summary;

describe('reporting projection', () => {
  test('given a cluster and its open period, when scorecards arrive, then the period and the roll-up are summarised', async () => {
    await reporting.given([
      clusterDefined('r-01', 2031, ['a', 'b', 'c']),
      schemeAssigned('r-01', 2031, quotas),
      periodOpened('r-01', '2031-H1'),
    ]);
    const emitted = await reporting.when([
      resultsSubmitted('r-01', '2031-H1', 'a', 1, { hoc: '3' }),
      scorecard('r-01', '2031-H1', 'a', 1, '80.00', 'XUAT_SAC'),
      resultsSubmitted('r-01', '2031-H1', 'b', 1, { hoc: '4.5' }),
      scorecard('r-01', '2031-H1', 'b', 1, '70.50'),
    ]);

    expect(emitted).toEqual([]);
    const summary = await summaryOf('r-01', '2031-H1');
    expect(summary).toMatchObject({
      members: 3,
      submitted: 2,
      missing: 1,
      totalSum: '150.50',
      averageTotal: '75.25',
      indicatorTotals: { hoc: '7.50' },
      leaders: [{ unitCode: 'a', total: '80.00' }],
      awards: null,
    });
    expect(await summaryOf(ALL_CLUSTERS, '2031-H1')).toMatchObject({ totalSum: '150.50' });
  });

  test('given a newer submission version counted, when an older scorecard arrives, then the summary keeps the newer', async () => {
    await reporting.given(
      [
        clusterDefined('r-02', 2032, ['a']),
        schemeAssigned('r-02', 2032, quotas),
        periodOpened('r-02', '2032-H1'),
      ],
      [
        resultsSubmitted('r-02', '2032-H1', 'a', 1, { hoc: '9' }),
        resultsSubmitted('r-02', '2032-H1', 'a', 2, { hoc: '6' }),
        scorecard('r-02', '2032-H1', 'a', 2, '60.00'),
      ],
    );
    await reporting.when([scorecard('r-02', '2032-H1', 'a', 1, '99.00')]);
    expect(await summaryOf('r-02', '2032-H1')).toMatchObject({
      totalSum: '60.00',
      indicatorTotals: { hoc: '6.00' },
    });
  });

  test('given scorecards of a period, when the membership of its year grows, then the summary counts the new member as missing', async () => {
    await reporting.given(
      [
        clusterDefined('r-03', 2033, ['a']),
        schemeAssigned('r-03', 2033, quotas),
        periodOpened('r-03', '2033-FY'),
      ],
      [
        resultsSubmitted('r-03', '2033-FY', 'a', 1, { hoc: '1' }),
        scorecard('r-03', '2033-FY', 'a', 1, '50.00'),
      ],
    );
    await reporting.when([clusterDefined('r-03', 2033, ['a', 'z'])]);
    expect(await summaryOf('r-03', '2033-FY')).toMatchObject({
      members: 2,
      submitted: 1,
      missing: 1,
    });
  });
});
