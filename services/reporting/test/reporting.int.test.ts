import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clusterDefined,
  periodOpened,
  resultsSubmitted,
  schemeAssigned,
  scorecard,
} from '../../../test/support/given-events.ts';
import { awardLine, awardsChanged } from './award-sheets.ts';
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

  test('given a scorecard that arrived before its submission, when the submission arrives, then the unit is counted', async () => {
    await reporting.given(
      [
        clusterDefined('r-04', 2034, ['a', 'b']),
        schemeAssigned('r-04', 2034, quotas),
        periodOpened('r-04', '2034-H1'),
      ],
      [scorecard('r-04', '2034-H1', 'a', 1, '70.00')],
    );
    expect(await summaryOf('r-04', '2034-H1')).toMatchObject({ submitted: 0, missing: 2 });
    await reporting.when([resultsSubmitted('r-04', '2034-H1', 'a', 1, { hoc: '2.5' })]);
    expect(await summaryOf('r-04', '2034-H1')).toMatchObject({
      submitted: 1,
      totalSum: '70.00',
      indicatorTotals: { hoc: '2.50' },
    });
  });

  test('given a submission kept in an earlier batch, when its scorecard arrives, then the summary adds its indicator values', async () => {
    await reporting.given(
      [
        clusterDefined('r-05', 2035, ['a']),
        schemeAssigned('r-05', 2035, quotas),
        periodOpened('r-05', '2035-H1'),
      ],
      [resultsSubmitted('r-05', '2035-H1', 'a', 1, { hoc: '1.25' })],
      [
        scorecard('r-05', '2035-H1', 'a', 1, '40.00'),
        resultsSubmitted('r-05', '2035-H1', 'a', 2, { hoc: '3.75' }),
      ],
    );
    // The version counted so far is 1; the batch counts version 2, submitted a batch earlier.
    expect(await summaryOf('r-05', '2035-H1')).toMatchObject({ indicatorTotals: { hoc: '1.25' } });
    await reporting.when([scorecard('r-05', '2035-H1', 'a', 2, '45.00')]);
    expect(await summaryOf('r-05', '2035-H1')).toMatchObject({
      totalSum: '45.00',
      indicatorTotals: { hoc: '3.75' },
    });
  });

  test('given two clusters summarised, when one of them changes, then the roll-up over all clusters adds the other as kept', async () => {
    const periodId = '2036-H1';
    await reporting.given(
      ['r-06', 'r-07'].flatMap((code) => [
        clusterDefined(code, 2036, ['a', 'b']),
        schemeAssigned(code, 2036, quotas),
        periodOpened(code, periodId),
      ]),
      [
        resultsSubmitted('r-06', periodId, 'a', 1, { hoc: '0.10' }),
        scorecard('r-06', periodId, 'a', 1, '80.10'),
      ],
    );
    await reporting.when([
      resultsSubmitted('r-07', periodId, 'b', 1, { hoc: '0.20' }),
      scorecard('r-07', periodId, 'b', 1, '60.20'),
    ]);
    expect(await summaryOf(ALL_CLUSTERS, periodId)).toMatchObject({
      members: 4,
      submitted: 2,
      missing: 2,
      totalSum: '140.30',
      averageTotal: '70.15',
      indicatorTotals: { hoc: '0.30' },
      leaders: [{ unitCode: 'a', total: '80.10' }],
      awards: null,
    });
  });

  test("given a year-end period's award sheet, when an older revision arrives, then the sheet kept and the award counts stay", async () => {
    const sheet = awardsChanged('r-08', 2037, 2, [
      awardLine('a', 'FLAG', true),
      awardLine('b', 'MERIT', false),
    ]);
    await reporting.given(
      [
        clusterDefined('r-08', 2037, ['a', 'b']),
        schemeAssigned('r-08', 2037, quotas),
        periodOpened('r-08', '2037-FY'),
      ],
      [sheet],
    );
    const counts = { proposedFlags: 1, proposedMerits: 1, approved: 1, undecided: 1 };
    expect(await summaryOf('r-08', '2037-FY')).toMatchObject({ awards: counts });
    await reporting.when([awardsChanged('r-08', 2037, 1, [])]);
    expect(await summaryOf('r-08', '2037-FY')).toMatchObject({ awards: counts });
    expect(await summaryOf(ALL_CLUSTERS, '2037-FY')).toMatchObject({ awards: counts });
    const kept = await reporting.db
      .selectFrom('award_sheets')
      .select(['revision', 'lines'])
      .where('cluster_code', '=', 'r-08')
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ revision: 2, lines: sheet.data.lines });
  });
});
