import { loadDemo } from '@thidua/infra';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import facts from '../../infra/demo/data/cluster-2-2023.json' with { type: 'json' };
import { eventually, startSystem, type RunningSystem } from '../support/system.ts';
import { operation, walkthroughVariables } from '../support/readme-walkthrough.ts';

describe('the demo year loaded by npm start', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
    expect(await loadDemo(system.gateway.db)).toBeGreaterThan(14);
  });

  afterAll(async () => {
    await system.stop();
  });

  test('ranks the 14 units of Cluster No. 2 for 2023-H1', async () => {
    const entries = await eventually(async () => {
      const { data } = await system.graphql(
        '{ ranking(cluster: "cum-2", period: "2023-H1") { entries { unitCode status rank } } }',
      );
      const ranking = (data as { ranking: { entries: { status: string }[] } | null }).ranking;
      const ranked = ranking?.entries.filter((e) => e.status === 'RANKED') ?? [];
      return ranked.length === 14 ? ranking?.entries : undefined;
    });
    expect(entries).toHaveLength(14);
  });

  test("shows the cluster totals published for the H1 review in the period's summary", async () => {
    const summary = await eventually(async () => {
      const { data } = await system.graphql(
        `{ summary(period: "2023-H1", cluster: "cum-2") {
            members submitted onTime late missing totalSum averageTotal
            indicatorTotals { code total } leaders { unitCode total }
            classifications { xuatSac tot hoanThanh khongHoanThanh } } }`,
      );
      const found = (
        data as {
          summary: { submitted: number; indicatorTotals: { code: string; total: string }[] } | null;
        }
      ).summary;
      return found?.submitted === 14 ? found : undefined;
    });
    const totals = Object.fromEntries(summary.indicatorTotals.map((i) => [i.code, i.total]));
    for (const [indicator, published] of Object.entries(facts.h1Review.clusterTotals)) {
      expect(totals[indicator], indicator).toBe(`${published}.00`);
    }
    expect(summary).toMatchObject({ members: 14, onTime: 13, late: 1, missing: 0 });
  });

  test('rolls the period up over the three demo clusters, adding their figures exactly', async () => {
    type Summary = { members: number; submitted: number; totalSum: string };
    const read = async (filter: string) => {
      const { data } = await system.graphql(
        `{ summary(period: "2023-H1" ${filter}) { members submitted totalSum } }`,
      );
      return (data as { summary: Summary | null }).summary;
    };
    const all = await eventually(async () => {
      const found = await read('');
      return found?.submitted === 37 ? found : undefined;
    });
    const parts = await Promise.all(
      ['cum-1', 'cum-2', 'cum-3'].map((c) => read(`cluster: "${c}"`)),
    );
    const cents = (s: Summary | null) => BigInt((s?.totalSum ?? '0').replace('.', ''));
    expect(all.members).toBe(37);
    expect(cents(all)).toBe(parts.reduce((sum, p) => sum + cents(p), 0n));
  });

  test('proposes year-end awards for Cluster No. 2 once its FY period closed', async () => {
    const sheet = await eventually(async () => {
      const { data } = await system.graphql(
        '{ awards(cluster: "cum-2", year: 2023) { meritSeats lines { unitCode proposed status } ineligible { unitCode reasons } } }',
      );
      const found = (
        data as {
          awards: {
            meritSeats: number;
            lines: unknown[];
            ineligible: { unitCode: string; reasons: string[] }[];
          } | null;
        }
      ).awards;
      // The sheet may first appear from a period close that overtook the last standings.
      return found !== null && found.lines.length > 0 ? found : undefined;
    });
    // 20% of 14 members, rounded down.
    expect(sheet.meritSeats).toBe(2);
    expect(sheet.lines.length).toBeGreaterThan(0);
  });

  test("shows a merged unit's predecessors and their 2023 results in its history", async () => {
    const { data, errors } = await system.graphql(
      '{ unit(code: "ninh-binh") { memberships { clusterCode year } predecessors history(first: 100) { totalCount edges { node { unitCode periodId } } } } }',
    );
    expect(errors).toBeUndefined();
    const unit = (
      data as {
        unit: {
          memberships: unknown[];
          predecessors: string[];
          history: {
            totalCount: number;
            edges: { node: { unitCode: string; periodId: string } }[];
          };
        };
      }
    ).unit;
    expect(unit.predecessors).toEqual(['ha-nam', 'nam-dinh']);
    expect(unit.memberships).toEqual([
      { clusterCode: 'cum-2', year: 2023 },
      { clusterCode: 'cum-2', year: 2025 },
      { clusterCode: 'cum-2', year: 2026 },
    ]);
    expect(unit.history.edges).toHaveLength(unit.history.totalCount);
    const h1 = unit.history.edges
      .map((edge) => edge.node)
      .filter((row) => row.periodId === '2023-H1')
      .map((row) => row.unitCode);
    expect(h1).toEqual(['ha-nam', 'nam-dinh', 'ninh-binh']);
  });

  test('pages through the clusters of 2023, each with its own periods', async () => {
    const page = async (after: string | null) => {
      const { data, errors } = await system.graphql(
        `query ($after: String) { clusters(year: 2023, first: 2, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { code periods { periodId } } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      return (
        data as {
          clusters: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { code: string; periods: { periodId: string }[] } }[];
          };
        }
      ).clusters;
    };
    const first = await page(null);
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const clusters = [...first.edges, ...second.edges].map((edge) => edge.node);
    expect(clusters.map((c) => c.code)).toEqual(['cum-1', 'cum-2', 'cum-3']);
    for (const cluster of clusters) {
      expect(cluster.periods.map((p) => p.periodId)).toEqual(['2023-FY', '2023-H1']);
    }
  });

  test('describes Cluster No. 2 of 2023: its lead, deputies, members and closed periods', async () => {
    const { data, errors } = await system.graphql(
      '{ cluster(code: "cum-2", year: 2023) { lead deputies members { unitCode } periods { periodId status } } }',
    );
    expect(errors).toBeUndefined();
    const cluster = (
      data as {
        cluster: { lead: string; deputies: string[]; members: unknown[]; periods: unknown[] };
      }
    ).cluster;
    expect(cluster).toMatchObject({ lead: 'ha-tinh', deputies: ['lang-son', 'ninh-binh'] });
    expect(cluster.members).toHaveLength(14);
    expect(cluster.periods).toEqual([
      { periodId: '2023-FY', status: 'CLOSED' },
      { periodId: '2023-H1', status: 'CLOSED' },
    ]);
  });

  describe("README's walkthrough", () => {
    interface Standing {
      unitCode: string;
      status: string;
      total: string | null;
    }
    const rankingOf2026 = async () => {
      const { data } = await system.graphql(
        operation('Ranking'),
        { cluster: 'cum-2', period: '2026-FY' },
        'ha-tinh',
      );
      return (data as { ranking: { entries: Standing[] } | null }).ranking?.entries ?? [];
    };
    const haTinh = (entries: Standing[]) => entries.find((e) => e.unitCode === 'ha-tinh');

    test('step 1: Hà Tĩnh submits its year-end results and is ranked among the nine', async () => {
      const { data, errors } = await system.graphql(
        operation('SubmitResults'),
        walkthroughVariables('submitResults as ha-tinh'),
        'ha-tinh',
      );
      expect(errors).toBeUndefined();
      expect(data).toMatchObject({
        submitResults: { __typename: 'SubmissionAccepted', version: 1 },
      });
      const entries = await eventually(async () => {
        const found = await rankingOf2026();
        return haTinh(found)?.status === 'RANKED' ? found : undefined;
      });
      expect(entries.filter((e) => e.status === 'RANKED')).toHaveLength(9);
    });

    test('step 3: the lead reviews a self-score and Hà Tĩnh loses one point; Hà Tĩnh itself may not', async () => {
      const before = haTinh(await rankingOf2026())?.total;
      const variables = walkthroughVariables('reviewScore as thanh-hoa');
      const own = await system.graphql(operation('ReviewScore'), variables, 'ha-tinh');
      expect(own.data).toMatchObject({ reviewScore: { __typename: 'ForbiddenError' } });
      const { data, errors } = await system.graphql(
        operation('ReviewScore'),
        variables,
        'thanh-hoa',
      );
      expect(errors).toBeUndefined();
      expect(data).toMatchObject({ reviewScore: { __typename: 'ScoreReviewed' } });
      const after = await eventually(async () => {
        const total = haTinh(await rankingOf2026())?.total;
        return total !== before ? total : undefined;
      });
      expect(Number(before) - Number(after)).toBe(1);
    });

    test('step 4: the central board approves the flag proposed for Hưng Yên in 2023', async () => {
      const { data, errors } = await system.graphql(
        operation('DecideAward'),
        walkthroughVariables('decideAward as the central board'),
      );
      expect(errors).toBeUndefined();
      expect(data).toMatchObject({ decideAward: { __typename: 'AwardsPayload' } });
      const line = await eventually(async () => {
        const sheet = await system.graphql(operation('Awards'), { cluster: 'cum-2', year: 2023 });
        const lines = (
          sheet.data as {
            awards: { lines: { unitCode: string; status: string; granted: string | null }[] };
          }
        ).awards.lines;
        const found = lines.find((l) => l.unitCode === 'hung-yen');
        return found?.granted === 'FLAG' ? found : undefined;
      });
      expect(line.status).toBe('PROPOSED');
    });
  });
});
