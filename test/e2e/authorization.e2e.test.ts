import { sql } from 'kysely';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authSecret, eventually, startSystem, type RunningSystem } from '../support/system.ts';

// Cluster cum-a in 2026: a1 leads, a2 is a plain member (it led cum-a in 2025), a3 is the unit
// whose data is at stake. Cluster cum-b in 2026: b1 leads, b2 is a member.
const year = 2026;
const periodId = `${year}-H1`;
const scheme = {
  code: 'auth-scheme',
  year,
  title: 'Bảng điểm thử phân quyền',
  indicators: [{ code: 'admitted', title: 'Đảng viên mới', kind: 'COUNT', maxValue: '30000' }],
  headings: [
    {
      code: 'I',
      title: 'Xây dựng Đảng',
      criteria: [
        {
          code: '1.1',
          title: 'Kết nạp',
          maxPoints: '50',
          method: 'COUNT',
          indicator: 'admitted',
          pointsPerItem: '1',
        },
        { code: '1.2', title: 'Tự đánh giá', maxPoints: '50', method: 'SELF_ASSESSED' },
      ],
    },
  ],
};
const roles = {
  'no token': null,
  central: 'central',
  'own unit': 'a3',
  'other unit': 'b2',
  'lead of another cluster': 'b1',
  'lead of this cluster in another year': 'a2',
  lead: 'a1',
} as const;
type Role = keyof typeof roles;
const everyone = Object.keys(roles) as Role[];
const everyoneSignedIn = everyone.filter((role) => role !== 'no token');

const submit = `mutation { submitResults(unitCode: "a3", periodId: "${periodId}",
  indicators: [{ code: "admitted", value: "12" }], selfScores: [{ criterion: "1.2", score: "40" }]) { __typename } }`;

/** Each mutation and the roles allowed past authorization (they may still get a ValidationError). */
const mutations: { operation: string; query: string; allowed: Role[] }[] = [
  { operation: 'submitResults', query: submit, allowed: ['own unit'] },
  {
    operation: 'registerPledges',
    query: `mutation { registerPledges(unitCode: "a3", year: ${year}, targets: []) { __typename } }`,
    allowed: ['own unit'],
  },
  {
    operation: 'reviewScore',
    query: `mutation { reviewScore(unitCode: "a3", periodId: "${periodId}", criterion: "1.2", reviewedScore: "35",
      reason: "Thiếu minh chứng") { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'reviewIndicator',
    query: `mutation { reviewIndicator(unitCode: "a3", periodId: "${periodId}", indicator: "admitted",
      reviewedValue: "10", reason: "Không khớp minh chứng") { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'returnSubmission',
    query: `mutation { returnSubmission(unitCode: "a3", periodId: "${periodId}", reason: "Đề nghị giải trình") { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'addBonus',
    query: `mutation { addBonus(unitCode: "a3", periodId: "${periodId}", points: "1", reason: "Mô hình hay") { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'addDeduction',
    query: `mutation { addDeduction(unitCode: "a3", periodId: "${periodId}", points: "1", reason: "Chậm báo cáo") { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'setDeadline',
    query: `mutation { setDeadline(clusterCode: "cum-a", periodId: "${periodId}", deadline: "2026-12-31T17:00:00+07:00") { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'openPeriod',
    query: `mutation { openPeriod(clusterCode: "cum-a", periodId: "${year}-FY", deadline: "2027-01-10T17:00:00+07:00") { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'recordTieVote',
    query: `mutation { recordTieVote(clusterCode: "cum-a", year: ${year}, award: FLAG, rank: 1, winners: ["a3"]) { __typename } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'assignScheme',
    query: `mutation { assignScheme(clusterCode: "cum-a", scheme: {}) { __typename } }`,
    allowed: ['central'],
  },
  {
    operation: 'setLead',
    query: `mutation { setLead(clusterCode: "cum-a", year: ${year}, lead: "a1", deputies: []) { __typename } }`,
    allowed: ['central'],
  },
  {
    operation: 'defineCluster',
    query: `mutation { defineCluster(clusterCode: "cum-z", name: "Cụm Z", year: ${year}, members: [{ unitCode: "z1", name: "Z1" }]) { __typename } }`,
    allowed: ['central'],
  },
  {
    operation: 'decideAward',
    query: `mutation { decideAward(clusterCode: "cum-a", year: ${year}, unitCode: "a3", award: FLAG, decision: "APPROVE",
      reason: "Đủ tiêu chuẩn", decisionNumber: "1/QĐ", decidedOn: "2027-01-15", signer: "Trưởng ban") { __typename } }`,
    allowed: ['central'],
  },
  {
    operation: 'closePeriod',
    query: `mutation { closePeriod(clusterCode: "cum-b", periodId: "${periodId}") { __typename } }`,
    // Only the lead of cum-b (b1) and the central board; it runs last for that reason.
    allowed: ['central', 'lead of another cluster'],
  },
];

/** Each query and the roles that may see its data while the period is open. */
const queries: { operation: string; query: string; allowed: Role[] }[] = [
  {
    operation: 'ranking',
    query: `{ ranking(cluster: "cum-a", period: "${periodId}") { revision } }`,
    allowed: ['central', 'own unit', 'lead', 'lead of this cluster in another year'],
  },
  {
    operation: 'scorecard',
    query: `{ scorecard(unit: "a3", period: "${periodId}") { total } }`,
    allowed: ['central', 'own unit', 'lead'],
  },
  {
    operation: 'summary of the cluster',
    query: `{ summary(period: "${periodId}", cluster: "cum-a") { members } }`,
    allowed: ['central', 'own unit', 'lead', 'lead of this cluster in another year'],
  },
  {
    operation: 'summary of all clusters',
    query: `{ summary(period: "${periodId}") { members } }`,
    allowed: ['central'],
  },
  {
    operation: 'scheme',
    query: `{ scheme(cluster: "cum-a", period: "${periodId}") }`,
    allowed: ['central', 'own unit', 'lead', 'lead of this cluster in another year'],
  },
  {
    operation: 'submissions',
    query: `{ submissions(unit: "a3", period: "${periodId}") { edges { node { version } } } }`,
    allowed: ['central', 'own unit', 'lead'],
  },
  {
    operation: 'flaggedValues',
    query: `{ flaggedValues(cluster: "cum-a", period: "${periodId}") { unitCode } }`,
    allowed: ['central', 'lead'],
  },
  {
    operation: 'clusters',
    query: `{ clusters(year: ${year}) { totalCount edges { node { code } } } }`,
    allowed: everyoneSignedIn,
  },
  {
    operation: 'me',
    query: `{ me { subject } }`,
    allowed: everyoneSignedIn,
  },
  {
    operation: 'period',
    query: `{ period(cluster: "cum-a", id: "${periodId}") { status } }`,
    allowed: everyoneSignedIn,
  },
  {
    operation: 'cluster',
    query: `{ cluster(code: "cum-a", year: ${year}) { lead periods { status } } }`,
    allowed: everyoneSignedIn,
  },
  {
    operation: 'unit history',
    query: `{ unit(code: "a3") { history { edges { node { periodId } } } } }`,
    allowed: ['central', 'own unit'],
  },
  {
    operation: 'awards',
    query: `{ awards(cluster: "cum-a", year: ${year}) { meritSeats } }`,
    allowed: ['central', 'own unit', 'lead', 'lead of this cluster in another year'],
  },
];

const rows = <T extends { operation: string; allowed: Role[] }>(table: T[]) =>
  table.flatMap((row) =>
    everyone.map((role) => ({ ...row, role, allowed: row.allowed.includes(role) })),
  );

describe('who may do what', () => {
  let system: RunningSystem;
  const outboxSize = async () => {
    const { rows: counted } = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM gateway.outbox`.execute(system.gateway.db);
    return Number(counted[0]?.n);
  };

  beforeAll(async () => {
    system = await startSystem();
    const central = async (query: string, variables: Record<string, unknown> = {}) => {
      const { data, errors } = await system.graphql(query, variables);
      expect(errors).toBeUndefined();
      expect(JSON.stringify(data)).not.toMatch(/Error"/);
    };
    const define = (cluster: string, y: number, units: string[], lead: string) =>
      central(
        `mutation($m: [MemberInput!]!) { defineCluster(clusterCode: "${cluster}", name: "${cluster}", year: ${y},
           members: $m, lead: "${lead}") { __typename } }`,
        { m: units.map((unitCode) => ({ unitCode, name: `Ban Tổ chức ${unitCode}` })) },
      );
    await define('cum-a', 2025, ['a1', 'a2', 'a3'], 'a2');
    await define('cum-a', year, ['a1', 'a2', 'a3'], 'a1');
    await define('cum-b', year, ['b1', 'b2'], 'b1');
    for (const cluster of ['cum-a', 'cum-b']) {
      await central(
        `mutation($s: JSON!) { assignScheme(clusterCode: "${cluster}", scheme: $s) { __typename } }`,
        {
          s: scheme,
        },
      );
      await central(
        `mutation { openPeriod(clusterCode: "${cluster}", periodId: "${periodId}", deadline: "2026-12-31T17:00:00+07:00") { __typename } }`,
      );
    }
    const { data } = await system.graphql(submit, {}, 'a3');
    expect(data).toEqual({ submitResults: { __typename: 'SubmissionAccepted' } });
    // The scorecard exists before anyone asks for it.
    await eventually(async () => {
      const { data: card } = await system.graphql(
        `{ scorecard(unit: "a3", period: "${periodId}") { total } }`,
      );
      return (card as { scorecard: unknown }).scorecard ?? undefined;
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test.each(rows(mutations))(
    '$operation by $role: allowed $allowed',
    async ({ query, role, allowed }) => {
      const before = await outboxSize();
      const { data, errors } = await system.graphql(query, {}, roles[role]);
      const typename = (Object.values(data ?? {})[0] as { __typename?: string } | undefined)
        ?.__typename;
      if (role === 'no token') {
        expect(data ?? null).toBeNull();
        expect(errors?.[0]?.message).toMatch(/sign in/);
      } else if (allowed) {
        expect(errors).toBeUndefined();
        expect(typename).not.toBe('ForbiddenError');
      } else {
        expect(errors).toBeUndefined();
        expect(typename).toBe('ForbiddenError');
      }
      if (!allowed) expect(await outboxSize()).toBe(before);
    },
  );

  test.each(rows(queries))(
    '$operation seen by $role: allowed $allowed',
    async ({ query, role, allowed }) => {
      const { data, errors } = await system.graphql(query, {}, roles[role]);
      if (allowed) {
        expect(errors).toBeUndefined();
      } else {
        expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
        expect(errors?.[0]?.message).toMatch(role === 'no token' ? /sign in/ : /may not see/);
      }
    },
  );

  test('a member of the cluster sees another member’s scorecard once the period is closed', async () => {
    const ask = () =>
      system.graphql(`{ scorecard(unit: "a3", period: "${periodId}") { total } }`, {}, 'a2');
    expect((await ask()).errors?.[0]?.message).toMatch(/may not see/);
    const { data } = await system.graphql(
      `mutation { closePeriod(clusterCode: "cum-a", periodId: "${periodId}") { __typename } }`,
      {},
      'a1',
    );
    expect(data).toEqual({ closePeriod: { __typename: 'PeriodPayload' } });
    const seen = await ask();
    expect(seen.errors).toBeUndefined();
    expect((seen.data as { scorecard: { total: string } }).scorecard.total).toMatch(/^\d+\.\d{2}$/);
  });

  describe('the central board is a role, never a unit code', () => {
    /** A token signed with the gateway's own secret (HS256) whose `unit` claim is `central`. */
    const unitCalledCentral = () => {
      const now = Math.floor(Date.now() / 1000);
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const claims = {
        unit: 'central',
        sub: 'staff@central',
        iss: 'thidua',
        aud: 'thidua-gateway',
      };
      const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 3600 })}`;
      return `${unsigned}.${createHmac('sha256', authSecret).update(unsigned).digest('base64url')}`;
    };
    const post = async (token: string, query: string) => {
      const response = await fetch(system.gateway.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    };

    test('a token whose unit claim is "central" is refused: no defineCluster, no setLead', async () => {
      const token = unitCalledCentral();
      const before = await outboxSize();
      const defined = await post(
        token,
        `mutation { defineCluster(clusterCode: "cum-x", name: "Cụm X", year: ${year},
           members: [{ unitCode: "x1", name: "X1" }], lead: "x1") { __typename } }`,
      );
      expect(defined.data ?? null).toBeNull();
      expect(defined.errors?.[0]?.message).toMatch(/sign in/);
      const led = await post(
        token,
        `mutation { setLead(clusterCode: "cum-a", year: ${year}, lead: "a3", deputies: []) { __typename } }`,
      );
      expect(led.data ?? null).toBeNull();
      expect(led.errors?.[0]?.message).toMatch(/sign in/);
      expect(await outboxSize()).toBe(before);
      const { data } = await system.graphql(`{ cluster(code: "cum-a", year: ${year}) { lead } }`);
      expect(data).toEqual({ cluster: { lead: 'a1' } });
    });

    test('defineCluster refuses "central" as a member code, in both languages', async () => {
      const before = await outboxSize();
      const { data, errors } = await system.graphql(
        `mutation { defineCluster(clusterCode: "cum-y", name: "Cụm Y", year: ${year},
           members: [{ unitCode: "y1", name: "Y1" }, { unitCode: "central", name: "Trung ương" }],
           lead: "y1") { __typename ... on ValidationError { fields { path message messageVi } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        defineCluster: {
          __typename: 'ValidationError',
          fields: [
            {
              path: 'members.1.unitCode',
              message: expect.stringMatching(/"central" names the central board/) as string,
              messageVi: expect.stringMatching(/Ban Tổ chức Trung ương/) as string,
            },
          ],
        },
      });
      expect(await outboxSize()).toBe(before);
    });

    test("every event the gateway appends records who acted: the token's subject and role", async () => {
      const { rows: outbox } = await sql<{
        value: string;
      }>`SELECT value FROM gateway.outbox ORDER BY seq`.execute(system.gateway.db);
      const events = outbox.map(
        (row) => JSON.parse(row.value) as { type: string; actor?: unknown; data: unknown },
      );
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.actor).toBeDefined();
      expect(events.find((event) => event.type === 'ClusterDefined')?.actor).toEqual({
        role: 'CENTRAL',
        subject: 'test-central',
      });
      expect(events.find((event) => event.type === 'ResultsSubmitted')?.actor).toEqual({
        role: 'UNIT',
        subject: 'test-staff@a3',
        unitCode: 'a3',
      });
      // The lead closed cum-a: a unit, told apart from the board by its role, not by a code.
      expect(events.findLast((event) => event.type === 'PeriodClosed')?.actor).toEqual({
        role: 'UNIT',
        subject: 'test-staff@a1',
        unitCode: 'a1',
      });
    });
  });
});
