import { createKafka, createLogger } from '@thidua/kit';
import { topicName } from '@thidua/schema';
import cluster2 from '../../infra/demo/data/cluster-2-2023.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openContest, submissionVariables } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import {
  countCriterion,
  countIndicator,
  selfAssessed,
  targetCriterion,
  testScheme,
} from '../support/scheme.ts';
import { eventually, startSystem, type RunningSystem } from '../support/system.ts';

// The scheme of this test is small enough to score by hand below, independently of the rules code.
const year = 2026;
const periodId = `${year}-FY`;
const scheme = testScheme(year, {
  indicators: [
    countIndicator('newPartyMembersAdmitted'),
    countIndicator('documentsAdvised', '500', 'Văn bản tham mưu'),
  ],
  criteria: [
    targetCriterion('1.1', '60', 'newPartyMembersAdmitted', '1000'),
    selfAssessed('1.2', '30'),
    countCriterion('1.3', '10', 'documentsAdvised', '0.5', 'Văn bản tham mưu'),
  ],
});

const members = cluster2.members.map((m) => ({
  unitCode: m.code,
  name: `Ban Tổ chức ${m.code === 'hai-phong' ? 'Thành' : 'Tỉnh'} ủy ${m.province}`,
}));

/** Invented figures; two units get equal totals so the submission-time tie-break is exercised. */
function figuresOf(index: number) {
  const admitted = index === 5 ? 700 + 37 * 3 : 700 + 37 * index;
  const selfScore = index === 5 ? '23.50' : `${20 + (index % 7)}.50`;
  const documents = index === 5 ? (3 * 2) % 23 : (index * 2) % 23;
  return { admitted, selfScore, documents };
}

/** SubmitResults' variables for the unit of `index` in the members' order. */
const submissionOf = (unitCode: string | undefined, index: number) => {
  const { admitted, selfScore, documents } = figuresOf(index);
  return submissionVariables(
    unitCode ?? '',
    periodId,
    { newPartyMembersAdmitted: String(admitted), documentsAdvised: String(documents) },
    { '1.2': selfScore },
  );
};

/** SCORING.md §2 by hand, in hundredths: 60 × min(v/1000, 1) + s + min(10, 0.5 × d). */
function expectedTotal({ admitted, selfScore, documents }: ReturnType<typeof figuresOf>): bigint {
  const target = (6000n * BigInt(Math.min(admitted, 1000))) / 1000n;
  const [whole = '0', cents = '0'] = selfScore.split('.');
  const self = BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0'));
  const count = BigInt(Math.min(1000, 50 * documents));
  return target + self + count;
}

const toCents = (decimal: string) => BigInt(decimal.replace('.', ''));

const submitMutation = operationDocument('SubmitResults');

// Not the persisted Ranking: this test also reads each entry's submittedAt.
const rankingQuery = /* GraphQL */ `
  query Ranking($cluster: String!, $period: String!) {
    ranking(cluster: $cluster, period: $period) {
      revision
      entries {
        unitCode
        status
        rank
        total
        criteriaSum
        deductions
        classification
        submittedAt
      }
    }
  }
`;

interface RankingData {
  ranking: {
    revision: number;
    entries: {
      unitCode: string;
      status: string;
      rank: number | null;
      total: string | null;
      submittedAt: string | null;
    }[];
  } | null;
}

async function contestTopicEnd(system: RunningSystem): Promise<number> {
  const kafka = createKafka(
    system.settings.KAFKA_BROKERS,
    'e2e-probe',
    createLogger('e2e', 'silent'),
  );
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(
      topicName(system.settings.TOPIC_NAMESPACE, 'contest'),
    );
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('a cluster of 14 units submitting through GraphQL', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
    await openContest(system, {
      clusterCode: 'cum-2',
      name: 'Cụm thi đua số 2',
      year,
      members,
      lead: 'ha-tinh',
      scheme,
      periodId,
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test('refuses a submission with an unknown indicator and a missing self-score, listing both, and appends no event', async () => {
    // The three set-up facts are published by the relay shortly after their commands commit.
    const before = await eventually(async () =>
      (await contestTopicEnd(system)) === 3 ? 3 : undefined,
    );
    const refused = await system.graphql(
      submitMutation,
      {
        unitCode: 'ha-tinh',
        periodId,
        indicators: [
          { code: 'newPartyMembersAdmitted', value: '10' },
          { code: 'documentsAdvised', value: '1' },
          { code: 'unknownIndicator', value: '1' },
        ],
        selfScores: [],
      },
      'ha-tinh',
    );
    expect(refused.data).toMatchObject({ submitResults: { __typename: 'ValidationError' } });
    const paths = (
      refused.data as { submitResults: { fields: { path: string }[] } }
    ).submitResults.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['indicators.unknownIndicator', 'selfScores.1.2']),
    );
    expect(await contestTopicEnd(system)).toBe(before);
  });

  const validIndicators = [
    { code: 'newPartyMembersAdmitted', value: '900' },
    { code: 'documentsAdvised', value: '4' },
  ];
  const badInputs = [
    {
      name: 'an unknown unit',
      unit: 'atlantis',
      period: periodId,
      indicators: validIndicators,
      selfScores: [{ criterion: '1.2', score: '20' }],
      path: 'unitCode',
    },
    {
      name: 'a period that was never opened',
      unit: 'ha-tinh',
      period: `${year}-H1`,
      indicators: validIndicators,
      selfScores: [{ criterion: '1.2', score: '20' }],
      path: 'periodId',
    },
    {
      name: 'a negative indicator value',
      unit: 'ha-tinh',
      period: periodId,
      indicators: [{ code: 'newPartyMembersAdmitted', value: '-5' }, validIndicators[1]],
      selfScores: [{ criterion: '1.2', score: '20' }],
      path: 'indicators.newPartyMembersAdmitted',
    },
    {
      name: "a self-score above its criterion's maximum",
      unit: 'ha-tinh',
      period: periodId,
      indicators: validIndicators,
      selfScores: [{ criterion: '1.2', score: '30.01' }],
      path: 'selfScores.1.2',
    },
  ];

  test.each(badInputs)(
    'refuses $name with an error naming $path, and appends no event',
    async (row) => {
      const before = await eventually(async () => {
        const end = await contestTopicEnd(system);
        return end === 3 ? end : undefined;
      });
      const refused = await system.graphql(
        submitMutation,
        {
          unitCode: row.unit,
          periodId: row.period,
          indicators: row.indicators,
          selfScores: row.selfScores,
        },
        row.unit,
      );
      const result = (
        refused.data as {
          submitResults: { __typename: string; fields?: { path: string; messageVi: string }[] };
        }
      ).submitResults;
      expect(result.__typename).toBe('ValidationError');
      expect(result.fields?.map((f) => f.path)).toContain(row.path);
      expect(result.fields?.every((f) => f.messageVi.length > 0)).toBe(true);
      expect(await contestTopicEnd(system)).toBe(before);
    },
  );

  test('ranks all 14 units in the order and with the totals the rules give, after the events went through Kafka', async () => {
    const submittedAt = new Map<string, string>();
    for (const [index, member] of members.entries()) {
      const result = await system.graphql(
        submitMutation,
        submissionOf(member.unitCode, index),
        member.unitCode,
      );
      const accepted = result.data as {
        submitResults: { __typename: string; submittedAt: string };
      };
      expect(accepted.submitResults.__typename).toBe('SubmissionAccepted');
      // Times are shown in Asia/Ho_Chi_Minh time.
      expect(accepted.submitResults.submittedAt).toMatch(/\+07:00$/);
      submittedAt.set(member.unitCode, accepted.submitResults.submittedAt);
    }

    const expected = members
      .map((member, index) => ({
        unitCode: member.unitCode,
        total: expectedTotal(figuresOf(index)),
        at: Date.parse(submittedAt.get(member.unitCode) ?? ''),
      }))
      .sort((a, b) => (a.total === b.total ? a.at - b.at : a.total > b.total ? -1 : 1));

    const ranking = await eventually(async () => {
      const { data } = await system.graphql(rankingQuery, { cluster: 'cum-2', period: periodId });
      const entries = (data as RankingData | undefined)?.ranking?.entries ?? [];
      return entries.filter((e) => e.status === 'RANKED').length === 14 ? entries : undefined;
    });

    expect(ranking.map((e) => e.unitCode)).toEqual(expected.map((e) => e.unitCode));
    expect(ranking.map((e) => toCents(e.total ?? ''))).toEqual(expected.map((e) => e.total));
    expect(ranking.map((e) => e.rank)).toEqual(expected.map((_, i) => i + 1));

    // Through Kafka: the contest topic holds the 3 set-up facts and 14 submissions, and the
    // services' offsets, stored in their own schemas, say they consumed all of them.
    expect(await contestTopicEnd(system)).toBe(17);
    const db = system.gateway.db;
    const { rows } = await (
      await import('kysely')
    ).sql<{ schema: string; consumed: string }>`
      SELECT 'scoring' AS schema, sum(next_offset)::text AS consumed FROM scoring.consumer_offsets
        WHERE group_id LIKE ${'%thidua-scoring'}
      UNION ALL
      SELECT 'ranking-scores', sum(next_offset)::text FROM ranking.consumer_offsets
        WHERE group_id LIKE ${'%thidua-ranking'} AND topic LIKE ${'%thidua.scores.v1'}
    `.execute(db);
    expect(Object.fromEntries(rows.map((r) => [r.schema, Number(r.consumed)]))).toEqual({
      scoring: 17,
      'ranking-scores': 14,
    });
  });

  test('answers the ranking as it stood at an earlier instant', async () => {
    const asOf = async (instant: string) => {
      const { data } = await system.graphql(operationDocument('Ranking'), {
        cluster: 'cum-2',
        period: periodId,
        asOf: instant,
      });
      const ranking = (data as { ranking: { entries: { status: string }[] } | null }).ranking;
      return ranking?.entries.filter((e) => e.status === 'RANKED').length ?? null;
    };
    // The period opened before any submission: then every member was NOT_SUBMITTED.
    const firstSubmission = await system.gateway.db
      .selectFrom('submissions')
      .select(({ fn }) => fn.min('submitted_at').as('at'))
      .executeTakeFirstOrThrow();
    const before = new Date(new Date(firstSubmission.at).getTime() - 1).toISOString();
    expect(await asOf(before)).toBe(0);
    expect(await asOf(new Date().toISOString())).toBe(14);
  });

  test('counts a revision made after the deadline as late, with its own submission time', async () => {
    const moved = await system.graphql(operationDocument('SetDeadline'), {
      clusterCode: 'cum-2',
      periodId,
      deadline: new Date().toISOString(),
    });
    expect(moved.data).toMatchObject({ setDeadline: { __typename: 'PeriodPayload' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const figures = figuresOf(0);
    const revised = await system.graphql(
      submitMutation,
      submissionOf(members[0]?.unitCode, 0),
      members[0]?.unitCode,
    );
    expect(revised.data).toMatchObject({
      submitResults: { __typename: 'SubmissionAccepted', version: 2, onTime: false },
    });
    const card = await eventually(async () => {
      const { data } = await system.graphql(operationDocument('Scorecard'), {
        unit: members[0]?.unitCode,
        period: periodId,
      });
      const found = (
        data as {
          scorecard: {
            submissionVersion: number;
            onTime: boolean;
            lateness: string;
            total: string;
          } | null;
        }
      ).scorecard;
      return found?.submissionVersion === 2 ? found : undefined;
    });
    const onTimeTotal = expectedTotal(figures);
    expect(card).toMatchObject({ onTime: false, lateness: '1.00' });
    expect(toCents(card.total)).toBe(onTimeTotal - 100n);
  });
});
