import { sql } from 'kysely';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineCluster, openContest, submissionVariables } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import { testScheme } from '../support/scheme.ts';
import { authSecret, eventually, startSystem, type RunningSystem } from '../support/system.ts';

// Cluster cum-a in 2026: a1 leads, a2 is a plain member (it led cum-a in 2025), a3 is the unit
// whose data is at stake. Cluster cum-b in 2026: b1 leads, b2 is a member.
const year = 2026;
const periodId = `${year}-H1`;
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

const a3Period = { unitCode: 'a3', periodId };
const a3Submission = submissionVariables('a3', periodId, { admitted: '12' }, { '1.2': '40' });

/** Each persisted operation, its variables and the roles allowed past authorization. */
interface Row {
  operation: string;
  variables: Record<string, unknown>;
  allowed: Role[];
}

/** Each mutation and the roles allowed past authorization (they may still get a ValidationError). */
const mutations: Row[] = [
  { operation: 'SubmitResults', variables: a3Submission, allowed: ['own unit'] },
  {
    operation: 'RegisterPledges',
    variables: { unitCode: 'a3', year, targets: [] },
    allowed: ['own unit'],
  },
  {
    operation: 'ReviewScore',
    variables: { ...a3Period, criterion: '1.2', reviewedScore: '35', reason: 'Thiếu minh chứng' },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'ReviewIndicator',
    variables: {
      ...a3Period,
      indicator: 'admitted',
      reviewedValue: '10',
      reason: 'Không khớp minh chứng',
    },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'ReturnSubmission',
    variables: { ...a3Period, reason: 'Đề nghị giải trình' },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'AddBonus',
    variables: { ...a3Period, points: '1', reason: 'Mô hình hay' },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'AddDeduction',
    variables: { ...a3Period, points: '1', reason: 'Chậm báo cáo' },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'SetDeadline',
    variables: { clusterCode: 'cum-a', periodId, deadline: '2026-12-31T17:00:00+07:00' },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'OpenPeriod',
    variables: {
      clusterCode: 'cum-a',
      periodId: `${year}-FY`,
      deadline: '2027-01-10T17:00:00+07:00',
    },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'RecordTieVote',
    variables: { clusterCode: 'cum-a', year, award: 'FLAG', rank: 1, winners: ['a3'] },
    allowed: ['central', 'lead'],
  },
  {
    operation: 'AssignScheme',
    variables: { clusterCode: 'cum-a', scheme: {} },
    allowed: ['central'],
  },
  {
    operation: 'SetLead',
    variables: { clusterCode: 'cum-a', year, lead: 'a1', deputies: [] },
    allowed: ['central'],
  },
  {
    operation: 'DefineCluster',
    variables: {
      clusterCode: 'cum-z',
      name: 'Cụm Z',
      year,
      members: [{ unitCode: 'z1', name: 'Z1' }],
    },
    allowed: ['central'],
  },
  {
    operation: 'DecideAward',
    variables: {
      clusterCode: 'cum-a',
      year,
      unitCode: 'a3',
      award: 'FLAG',
      decision: 'APPROVE',
      reason: 'Đủ tiêu chuẩn',
      decisionNumber: '1/QĐ',
      decidedOn: '2027-01-15',
      signer: 'Trưởng ban',
    },
    allowed: ['central'],
  },
  {
    operation: 'ClosePeriod',
    variables: { clusterCode: 'cum-b', periodId },
    // Only the lead of cum-b (b1) and the central board; it runs last for that reason.
    allowed: ['central', 'lead of another cluster'],
  },
];

const clusterPeriod = { cluster: 'cum-a', period: periodId };
const a3Scorecard = { unit: 'a3', period: periodId };

/** Each query and the roles that may see its data while the period is open. */
const queries: (Row & { name?: string })[] = [
  {
    operation: 'Ranking',
    variables: clusterPeriod,
    allowed: ['central', 'own unit', 'lead', 'lead of this cluster in another year'],
  },
  {
    operation: 'Scorecard',
    variables: a3Scorecard,
    allowed: ['central', 'own unit', 'lead'],
  },
  {
    operation: 'Summary',
    name: 'Summary of the cluster',
    variables: clusterPeriod,
    allowed: ['central', 'own unit', 'lead', 'lead of this cluster in another year'],
  },
  {
    operation: 'Summary',
    name: 'Summary of all clusters',
    variables: { period: periodId },
    allowed: ['central'],
  },
  {
    operation: 'Scheme',
    variables: clusterPeriod,
    allowed: ['central', 'own unit', 'lead', 'lead of this cluster in another year'],
  },
  {
    operation: 'Submissions',
    variables: a3Scorecard,
    allowed: ['central', 'own unit', 'lead'],
  },
  {
    operation: 'FlaggedValues',
    variables: clusterPeriod,
    allowed: ['central', 'lead'],
  },
  { operation: 'Clusters', variables: { year }, allowed: everyoneSignedIn },
  { operation: 'Me', variables: {}, allowed: everyoneSignedIn },
  {
    operation: 'Period',
    variables: { cluster: 'cum-a', id: periodId },
    allowed: everyoneSignedIn,
  },
  { operation: 'Cluster', variables: { code: 'cum-a', year }, allowed: everyoneSignedIn },
  {
    operation: 'Unit',
    name: 'Unit history',
    variables: { code: 'a3' },
    allowed: ['central', 'own unit'],
  },
  {
    operation: 'Awards',
    variables: { cluster: 'cum-a', year },
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
    const members = (units: string[]) =>
      units.map((unitCode) => ({ unitCode, name: `Ban Tổ chức ${unitCode}` }));
    const contest = { year, scheme: testScheme(year), periodId };
    await defineCluster(system, {
      clusterCode: 'cum-a',
      year: 2025,
      members: members(['a1', 'a2', 'a3']),
      lead: 'a2',
    });
    await openContest(system, {
      ...contest,
      clusterCode: 'cum-a',
      members: members(['a1', 'a2', 'a3']),
      lead: 'a1',
    });
    await openContest(system, {
      ...contest,
      clusterCode: 'cum-b',
      members: members(['b1', 'b2']),
      lead: 'b1',
    });
    const { data } = await system.graphql(operationDocument('SubmitResults'), a3Submission, 'a3');
    expect(data).toMatchObject({ submitResults: { __typename: 'SubmissionAccepted' } });
    // The scorecard exists before anyone asks for it.
    await eventually(async () => {
      const { data: card } = await system.graphql(operationDocument('Scorecard'), a3Scorecard);
      return (card as { scorecard: unknown }).scorecard ?? undefined;
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test.each(rows(mutations))(
    '$operation by $role: allowed $allowed',
    async ({ operation, variables, role, allowed }) => {
      const before = await outboxSize();
      const { data, errors } = await system.graphql(
        operationDocument(operation),
        variables,
        roles[role],
      );
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

  test.each(rows(queries.map((row) => ({ ...row, name: row.name ?? row.operation }))))(
    '$name seen by $role: allowed $allowed',
    async ({ operation, variables, role, allowed }) => {
      const { data, errors } = await system.graphql(
        operationDocument(operation),
        variables,
        roles[role],
      );
      if (allowed) {
        expect(errors).toBeUndefined();
      } else {
        expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
        expect(errors?.[0]?.message).toMatch(role === 'no token' ? /sign in/ : /may not see/);
      }
    },
  );

  test('a member of the cluster sees another member’s scorecard once the period is closed', async () => {
    const ask = () => system.graphql(operationDocument('Scorecard'), a3Scorecard, 'a2');
    expect((await ask()).errors?.[0]?.message).toMatch(/may not see/);
    const { data } = await system.graphql(
      operationDocument('ClosePeriod'),
      { clusterCode: 'cum-a', periodId },
      'a1',
    );
    expect(data).toMatchObject({ closePeriod: { __typename: 'PeriodPayload' } });
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
    // Ad-hoc documents: a forged token is refused before any document is looked at.
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
      const { data } = await system.graphql(operationDocument('Cluster'), { code: 'cum-a', year });
      expect(data).toMatchObject({ cluster: { lead: 'a1' } });
    });

    test('defineCluster refuses "central" as a member code, in both languages', async () => {
      const before = await outboxSize();
      const { data, errors } = await system.graphql(operationDocument('DefineCluster'), {
        clusterCode: 'cum-y',
        name: 'Cụm Y',
        year,
        members: [
          { unitCode: 'y1', name: 'Y1' },
          { unitCode: 'central', name: 'Trung ương' },
        ],
        lead: 'y1',
      });
      expect(errors).toBeUndefined();
      expect(data).toMatchObject({
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
