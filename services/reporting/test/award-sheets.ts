import { makeEvent, type AwardLine } from '@thidua/schema';

// Award sheets as the awards service publishes them, for reporting's decision and projection tests.
let sequence = 0;

export const awardsChanged = (
  clusterCode: string,
  year: number,
  revision: number,
  lines: AwardLine[],
) => {
  sequence += 1;
  return makeEvent('AwardsChanged', {
    id: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    occurredAt: `${String(year + 1)}-01-20T00:00:00Z`,
    source: 'awards',
    clusterCode,
    causationId: null,
    data: { year, revision, lines, ineligible: [], meritSeats: 1, pendingVote: null },
  });
};

/** A proposed line, approved and granted as proposed or not decided yet. */
export const awardLine = (
  unitCode: string,
  proposed: 'FLAG' | 'MERIT',
  approved: boolean,
): AwardLine => ({
  unitCode,
  proposed,
  status: 'PROPOSED',
  rank: proposed === 'FLAG' ? 1 : 2,
  byVote: false,
  decision: approved
    ? {
        decision: 'APPROVE',
        reason: 'Đủ điều kiện',
        decisionNumber: '12/QĐ-UBND',
        decidedOn: '2027-01-15',
        signer: 'Chủ tịch',
      }
    : null,
  granted: approved ? proposed : null,
});
