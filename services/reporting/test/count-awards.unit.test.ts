import type { AwardLine } from '@thidua/schema';
import { describe, expect, test } from 'vitest';
import { addAwardCounts, countAwards, noAwards } from '../src/count-awards.ts';

const decided = (decision: 'APPROVE' | 'APPROVE_LOWER' | 'RETURN' | 'REJECT') => ({
  decision,
  reason: 'lý do',
  decisionNumber: '1/QĐ',
  decidedOn: '2024-01-15',
  signer: 'Trưởng ban',
});

const line = (over: Partial<AwardLine>): AwardLine => ({
  unitCode: 'u',
  proposed: 'MERIT',
  status: 'PROPOSED',
  rank: 1,
  byVote: false,
  decision: null,
  granted: null,
  ...over,
});

describe('counting award lines', () => {
  test.each([
    { name: 'no lines give zero counts', lines: [], expected: noAwards },
    {
      name: 'a flag approved as a lower award counts as a proposed flag and a granted merit',
      lines: [line({ proposed: 'FLAG', decision: decided('APPROVE_LOWER'), granted: 'MERIT' })],
      expected: { ...noAwards, proposedFlags: 1, approvedLower: 1, grantedMerits: 1 },
    },
    {
      name: 'tied lines count only as tied',
      lines: [
        line({ status: 'TIED', proposed: 'FLAG' }),
        line({ status: 'TIED', proposed: 'FLAG' }),
      ],
      expected: { ...noAwards, tied: 2 },
    },
    {
      name: 'every decision kind and an undecided line are counted apart',
      lines: [
        line({ proposed: 'FLAG', decision: decided('APPROVE'), granted: 'FLAG' }),
        line({ decision: decided('RETURN') }),
        line({ decision: decided('REJECT') }),
        line({}),
      ],
      expected: {
        ...noAwards,
        proposedFlags: 1,
        proposedMerits: 3,
        approved: 1,
        returned: 1,
        rejected: 1,
        undecided: 1,
        grantedFlags: 1,
      },
    },
  ])('$name', ({ lines, expected }) => {
    expect(countAwards(lines)).toEqual(expected);
  });

  test('adds clusters’ counts field by field', () => {
    const a = { ...noAwards, proposedFlags: 1, grantedFlags: 1, approved: 1 };
    const b = { ...noAwards, proposedMerits: 2, rejected: 1, undecided: 1 };
    expect(addAwardCounts([a, b])).toEqual({
      ...noAwards,
      proposedFlags: 1,
      proposedMerits: 2,
      approved: 1,
      rejected: 1,
      undecided: 1,
      grantedFlags: 1,
    });
  });
});
