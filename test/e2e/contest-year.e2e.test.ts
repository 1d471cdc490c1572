import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openContest, persisted, submitResults } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import { selfAssessed, targetCriterion, testScheme } from '../support/scheme.ts';
import { eventually, startSystem, type RunningSystem } from '../support/system.ts';

// A year-end period of one cluster, end to end: a late unit, a missing unit, a reviewed self-score,
// a tie at the flag quota resolved by the cluster's vote, and the central board rejecting a line.
// Totals by hand (TARGET 50 × min(v/100, 1) + self-score):
//   u6 50 + 48 − 1 late = 97.00 (XUAT_SAC, but late) → rank 1, ineligible
//   u3 50 + 45 = 95.00, u4 50 + 45 = 95.00 → both rank 2 (the scheme breaks ties on criteriaSum only)
//   u5 45 + 46 = 91.00 → rank 4;   u1 50 + 30 (reviewed from 44) = 80.00 → TOT, rank 5;  u2 missing
const year = 2026;
const periodId = `${year}-FY`;
const scheme = testScheme(year, {
  criteria: [targetCriterion('1.1', '50', 'admitted', '100'), selfAssessed('1.2', '50')],
  tieBreaks: ['CRITERIA_SUM'],
  flagQuota: 1,
  meritQuota: { count: 2 },
});
const members = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((unitCode) => ({
  unitCode,
  name: `Ban Tổ chức ${unitCode.toUpperCase()}`,
}));

interface Sheet {
  lines: {
    unitCode: string;
    proposed: string;
    status: string;
    rank: number;
    byVote: boolean;
    granted: string | null;
  }[];
  awards: { unitCode: string; granted: string }[];
  ineligible: { unitCode: string; reasons: string[] }[];
  pendingVote: { award: string; rank: number; seats: number; units: string[] } | null;
}

describe('a contest year from submissions to awards', () => {
  let system: RunningSystem;
  const run = (operation: string, variables: Record<string, unknown>, as = 'central') =>
    persisted(system, operation, variables, as);
  const submit = (unit: string, admitted: string, self: string) =>
    submitResults(system, unit, periodId, { admitted }, { '1.2': self });
  // Not the persisted Awards: this test also reads which lines a vote decided and the granted awards.
  const sheet = async (ready: (s: Sheet) => boolean) =>
    eventually(async () => {
      const { data } = await system.graphql(
        `{ awards(cluster: "cum-y", year: ${year}) {
            lines { unitCode proposed status rank byVote granted }
            awards { unitCode granted }
            ineligible { unitCode reasons }
            pendingVote { award rank seats units } } }`,
      );
      const found = (data as { awards: Sheet | null }).awards;
      return found !== null && ready(found) ? found : undefined;
    });

  beforeAll(async () => {
    system = await startSystem();
    await openContest(system, {
      clusterCode: 'cum-y',
      name: 'Cụm năm',
      year,
      members,
      lead: 'u1',
      deputies: ['u2'],
      scheme,
      periodId,
    });
    for (const [unit, admitted, self] of [
      ['u3', '100', '45'],
      ['u4', '100', '45'],
      ['u5', '90', '46'],
      ['u1', '100', '44'],
    ] as const) {
      expect((await submit(unit, admitted, self)).__typename).toBe('SubmissionAccepted');
    }
    // The deadline moves to now, so u6, submitting after it, is late by one started day.
    await run('SetDeadline', {
      clusterCode: 'cum-y',
      periodId,
      deadline: new Date().toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await submit('u6', '100', '48')).__typename).toBe('SubmissionAccepted');
    const reviewed = await run(
      'ReviewScore',
      {
        unitCode: 'u1',
        periodId,
        criterion: '1.2',
        reviewedScore: '30',
        reason: 'Chưa đủ minh chứng',
      },
      'u2',
    );
    expect(reviewed.__typename).toBe('ScoreReviewed');
    // Close only once the standings include the review, as a secretariat would check before closing.
    await eventually(async () => {
      const { data } = await system.graphql(operationDocument('Ranking'), {
        cluster: 'cum-y',
        period: periodId,
      });
      const entries = (
        data as { ranking: { entries: { unitCode: string; total: string | null }[] } | null }
      ).ranking?.entries;
      return entries?.find((e) => e.unitCode === 'u1')?.total === '80.00' &&
        entries.find((e) => e.unitCode === 'u6')?.total === '97.00'
        ? true
        : undefined;
    });
    expect(await run('ClosePeriod', { clusterCode: 'cum-y', periodId })).toMatchObject({
      __typename: 'PeriodPayload',
    });
  });

  afterAll(async () => {
    await system.stop();
  });

  test('refuses a submission after the period closed', async () => {
    const refused = await submit('u2', '100', '40');
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields?.map((f) => f.path)).toContain('periodId');
  });

  test('proposes the flag seat as TIED between the two units sharing the best eligible rank', async () => {
    // Awards may first see the close with standings from before u6's late report (u3 and u4 then
    // tied at rank 1); the sheet it settles on holds u6 as ineligible.
    const proposed = await sheet(
      (s) =>
        s.pendingVote !== null &&
        s.ineligible.some((u) => u.unitCode === 'u6' && u.reasons.includes('LATE')),
    );
    expect(proposed.pendingVote).toEqual({ award: 'FLAG', rank: 2, seats: 1, units: ['u3', 'u4'] });
    expect(proposed.lines).toEqual([
      { unitCode: 'u3', proposed: 'FLAG', status: 'TIED', rank: 2, byVote: false, granted: null },
      { unitCode: 'u4', proposed: 'FLAG', status: 'TIED', rank: 2, byVote: false, granted: null },
    ]);
    expect(proposed.ineligible).toEqual([
      { unitCode: 'u6', reasons: ['LATE'] },
      { unitCode: 'u1', reasons: ['NOT_XUAT_SAC'] },
    ]);
  });

  const flagTie = { clusterCode: 'cum-y', year, award: 'FLAG', rank: 2 };

  test('refuses a vote naming a unit outside the tied group', async () => {
    const refused = await run('RecordTieVote', { ...flagTie, winners: ['u5'] }, 'u1');
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields?.map((f) => f.path)).toContain('winners.0');
  });

  test('completes the proposal after the vote and keeps only the approved lines as awards', async () => {
    const voted = await run('RecordTieVote', { ...flagTie, winners: ['u4'] }, 'u1');
    expect(voted.__typename).toBe('AwardsPayload');
    const proposal = await sheet((s) => s.pendingVote === null && s.lines.length === 3);
    expect(proposal.lines).toEqual([
      {
        unitCode: 'u4',
        proposed: 'FLAG',
        status: 'PROPOSED',
        rank: 2,
        byVote: true,
        granted: null,
      },
      {
        unitCode: 'u3',
        proposed: 'MERIT',
        status: 'PROPOSED',
        rank: 2,
        byVote: false,
        granted: null,
      },
      {
        unitCode: 'u5',
        proposed: 'MERIT',
        status: 'PROPOSED',
        rank: 4,
        byVote: false,
        granted: null,
      },
    ]);

    const decide = (unit: string, award: string, decision: string) =>
      run('DecideAward', {
        clusterCode: 'cum-y',
        year,
        unitCode: unit,
        award,
        decision,
        reason: 'Theo đề nghị của Hội đồng',
        decisionNumber: '12/QĐ-BTCTW',
        decidedOn: '2027-01-15',
        signer: 'Trưởng ban',
      });
    expect((await decide('u4', 'FLAG', 'APPROVE')).__typename).toBe('AwardsPayload');
    expect((await decide('u3', 'MERIT', 'APPROVE')).__typename).toBe('AwardsPayload');
    expect((await decide('u5', 'MERIT', 'REJECT')).__typename).toBe('AwardsPayload');
    const final = await sheet(
      (s) =>
        s.awards.length === 2 && s.lines.every((l) => l.unitCode !== 'u5' || l.granted === null),
    );
    expect(final.awards).toEqual([
      { unitCode: 'u4', granted: 'FLAG' },
      { unitCode: 'u3', granted: 'MERIT' },
    ]);
  });

  test('summarises the year-end period with the late and the missing unit', async () => {
    // Not the persisted Summary: this test also reads the leaders and the award counts.
    const summary = await eventually(async () => {
      const { data } = await system.graphql(
        `{ summary(period: "${periodId}", cluster: "cum-y") { members submitted onTime late missing totalSum
            leaders { unitCode total } classifications { xuatSac tot }
            awards { proposedFlags proposedMerits tied approved rejected undecided grantedFlags grantedMerits } } }`,
      );
      const found = (
        data as { summary: { totalSum: string; awards: { undecided: number } | null } | null }
      ).summary;
      return found?.totalSum === '458.00' && found.awards?.undecided === 0 ? found : undefined;
    });
    // 97 + 95 + 95 + 91 + 80 = 458.
    expect(summary).toEqual({
      members: 6,
      submitted: 5,
      onTime: 4,
      late: 1,
      missing: 1,
      totalSum: '458.00',
      leaders: [{ unitCode: 'u6', total: '97.00' }],
      classifications: { xuatSac: 4, tot: 1 },
      awards: {
        proposedFlags: 1,
        proposedMerits: 2,
        tied: 0,
        approved: 2,
        rejected: 1,
        undecided: 0,
        grantedFlags: 1,
        grantedMerits: 1,
      },
    });
  });
});
