import { describe, expect, test } from 'vitest';
import {
  type AwardCandidate,
  type AwardKind,
  type AwardProposal,
  type AwardRules,
  type IneligibleReason,
  type ProposalLine,
  type TieVote,
  allocateAwards,
  resolveMeritSeats,
  validateTieVote,
} from '../src/allocate-awards.ts';

/** The scheme defaults of SCORING.md §7: one flag, merit for 20% of the members, on time only. */
const defaultRules: AwardRules = {
  flagQuota: 1,
  meritQuota: { sharePercent: 20 },
  awardsRequireOnTime: true,
};

/** An eligible unit unless `more` says otherwise. */
function unit(
  unitCode: string,
  rank: number,
  more: Partial<Omit<AwardCandidate, 'unitCode' | 'rank'>> = {},
): AwardCandidate {
  return { unitCode, rank, classification: 'XUAT_SAC', disqualified: false, onTime: true, ...more };
}

const flag = (unitCode: string, rank: number, byVote = false): ProposalLine => ({
  unitCode,
  award: 'FLAG',
  status: 'PROPOSED',
  rank,
  byVote,
});

const merit = (unitCode: string, rank: number, byVote = false): ProposalLine => ({
  unitCode,
  award: 'MERIT',
  status: 'PROPOSED',
  rank,
  byVote,
});

const tied = (award: AwardKind, unitCode: string, rank: number, seats: number): ProposalLine => ({
  unitCode,
  award,
  status: 'TIED',
  rank,
  seats,
});

const vote = (award: AwardKind, rank: number, ...winners: string[]): TieVote => ({
  award,
  rank,
  winners,
});

const pending = (
  award: AwardKind,
  rank: number,
  seats: number,
  units: string[],
): AwardProposal['pendingVote'] => ({ award, rank, seats, units });

const out = (unitCode: string, ...reasons: IneligibleReason[]) => ({ unitCode, reasons });

interface AllocationRow {
  name: string;
  candidates: AwardCandidate[];
  memberCount?: number;
  rules?: Partial<AwardRules>;
  votes?: TieVote[];
  expected: Partial<AwardProposal>;
}

/** Five eligible units ranked 1 to 5. */
const fiveInARow = [
  unit('an-giang', 1),
  unit('bac-ninh', 2),
  unit('ca-mau', 3),
  unit('da-nang', 4),
  unit('ha-nam', 5),
];

/** Two units share rank 1, then two more. */
const tieAtTop = [unit('bac-ninh', 1), unit('an-giang', 1), unit('ca-mau', 3), unit('da-nang', 4)];

/** Three units share rank 1, then one more. */
const threeAtTop = [
  unit('an-giang', 1),
  unit('bac-ninh', 1),
  unit('ca-mau', 1),
  unit('da-nang', 4),
];

/** One leader, two units share rank 2, then two more. */
const tieAtSecond = [
  unit('an-giang', 1),
  unit('bac-ninh', 2),
  unit('ca-mau', 2),
  unit('da-nang', 4),
  unit('ha-nam', 5),
];

const allocationRows: AllocationRow[] = [
  {
    name: 'proposes one flag and two merits when the merit share is 20% of 14 members',
    candidates: fiveInARow,
    expected: {
      lines: [flag('an-giang', 1), merit('bac-ninh', 2), merit('ca-mau', 3)],
      ineligible: [],
      meritSeats: 2,
      pendingVote: null,
    },
  },
  {
    name: 'orders lines by award, rank and unit code whatever order the candidates arrive in',
    candidates: [...fiveInARow].reverse(),
    rules: { flagQuota: 2, meritQuota: { count: 2 } },
    expected: {
      lines: [flag('an-giang', 1), flag('bac-ninh', 2), merit('ca-mau', 3), merit('da-nang', 4)],
    },
  },
  {
    name: 'skips a unit that is not XUAT_SAC and gives its seat to the next eligible unit',
    candidates: [unit('an-giang', 1, { classification: 'TOT' }), ...fiveInARow.slice(1)],
    expected: {
      lines: [flag('bac-ninh', 2), merit('ca-mau', 3), merit('da-nang', 4)],
      ineligible: [out('an-giang', 'NOT_XUAT_SAC')],
    },
  },
  {
    name: 'gives the flag to the next eligible unit when the top unit has a disqualifying deduction',
    candidates: [unit('an-giang', 1, { disqualified: true }), ...fiveInARow.slice(1)],
    expected: {
      lines: [flag('bac-ninh', 2), merit('ca-mau', 3), merit('da-nang', 4)],
      ineligible: [out('an-giang', 'DISQUALIFIED')],
    },
  },
  {
    name: 'skips a late unit while awards require on-time submission',
    candidates: [unit('an-giang', 1), unit('bac-ninh', 2, { onTime: false }), unit('ca-mau', 3)],
    expected: {
      lines: [flag('an-giang', 1), merit('ca-mau', 3)],
      ineligible: [out('bac-ninh', 'LATE')],
      meritSeats: 2,
    },
  },
  {
    name: 'proposes a late unit when awards do not require on-time submission',
    candidates: [unit('an-giang', 1), unit('bac-ninh', 2, { onTime: false }), unit('ca-mau', 3)],
    rules: { awardsRequireOnTime: false },
    expected: {
      lines: [flag('an-giang', 1), merit('bac-ninh', 2), merit('ca-mau', 3)],
      ineligible: [],
    },
  },
  {
    name: 'lists every reason, in rank order, for units ineligible on several counts',
    candidates: [
      unit('ha-nam', 5, { classification: 'KHONG_HOAN_THANH', onTime: false }),
      unit('ca-mau', 1, { classification: 'HOAN_THANH', disqualified: true, onTime: false }),
      unit('an-giang', 2),
    ],
    expected: {
      lines: [flag('an-giang', 2)],
      ineligible: [
        out('ca-mau', 'NOT_XUAT_SAC', 'DISQUALIFIED', 'LATE'),
        out('ha-nam', 'NOT_XUAT_SAC', 'LATE'),
      ],
    },
  },
  {
    name: 'does not tie a group when the unit sharing its rank is ineligible',
    candidates: [unit('an-giang', 1, { classification: 'TOT' }), unit('bac-ninh', 1)],
    expected: {
      lines: [flag('bac-ninh', 1)],
      ineligible: [out('an-giang', 'NOT_XUAT_SAC')],
      pendingVote: null,
    },
  },
  {
    name: 'proposes a whole group that fits the flag seats exactly',
    candidates: tieAtTop,
    rules: { flagQuota: 2 },
    expected: {
      lines: [flag('an-giang', 1), flag('bac-ninh', 1), merit('ca-mau', 3), merit('da-nang', 4)],
      pendingVote: null,
    },
  },
  {
    name: 'proposes a whole group that fits the merit seats exactly',
    candidates: tieAtSecond,
    memberCount: 10,
    expected: {
      lines: [flag('an-giang', 1), merit('bac-ninh', 2), merit('ca-mau', 2)],
      meritSeats: 2,
      pendingVote: null,
    },
  },
  {
    name: 'ties two units sharing rank 1 for one flag and proposes no merit until the vote',
    candidates: tieAtTop,
    expected: {
      lines: [tied('FLAG', 'an-giang', 1, 1), tied('FLAG', 'bac-ninh', 1, 1)],
      meritSeats: 2,
      pendingVote: pending('FLAG', 1, 1, ['an-giang', 'bac-ninh']),
    },
  },
  {
    name: 'gives the flag to the vote winner and the first merit seat to the tied loser',
    candidates: tieAtTop,
    votes: [vote('FLAG', 1, 'bac-ninh')],
    expected: {
      lines: [flag('bac-ninh', 1, true), merit('an-giang', 1), merit('ca-mau', 3)],
      pendingVote: null,
    },
  },
  {
    name: 'ties a group for the seats left when earlier groups took some flag seats',
    candidates: tieAtSecond,
    rules: { flagQuota: 2 },
    expected: {
      lines: [flag('an-giang', 1), tied('FLAG', 'bac-ninh', 2, 1), tied('FLAG', 'ca-mau', 2, 1)],
      pendingVote: pending('FLAG', 2, 1, ['bac-ninh', 'ca-mau']),
    },
  },
  {
    name: 'ties a group straddling the merit boundary and keeps the flag line',
    candidates: tieAtSecond,
    memberCount: 5,
    expected: {
      lines: [flag('an-giang', 1), tied('MERIT', 'bac-ninh', 2, 1), tied('MERIT', 'ca-mau', 2, 1)],
      meritSeats: 1,
      pendingVote: pending('MERIT', 2, 1, ['bac-ninh', 'ca-mau']),
    },
  },
  {
    name: 'gives the merit seat to the vote winner and nothing to the loser or units after it',
    candidates: tieAtSecond,
    memberCount: 5,
    votes: [vote('MERIT', 2, 'ca-mau')],
    expected: {
      lines: [flag('an-giang', 1), merit('ca-mau', 2, true)],
      pendingVote: null,
    },
  },
  {
    name: 'ties the flag losers for merit when they outnumber the merit seats',
    candidates: threeAtTop,
    memberCount: 5,
    votes: [vote('FLAG', 1, 'ca-mau')],
    expected: {
      lines: [
        flag('ca-mau', 1, true),
        tied('MERIT', 'an-giang', 1, 1),
        tied('MERIT', 'bac-ninh', 1, 1),
      ],
      meritSeats: 1,
      pendingVote: pending('MERIT', 1, 1, ['an-giang', 'bac-ninh']),
    },
  },
  {
    name: 'completes the proposal when the flag losers merit tie has its own vote',
    candidates: threeAtTop,
    memberCount: 5,
    votes: [vote('FLAG', 1, 'ca-mau'), vote('MERIT', 1, 'an-giang')],
    expected: {
      lines: [flag('ca-mau', 1, true), merit('an-giang', 1, true)],
      pendingVote: null,
    },
  },
  {
    name: 'proposes nothing but still lists ineligible units when both quotas are 0',
    candidates: [unit('an-giang', 1), unit('bac-ninh', 1), unit('ca-mau', 3, { onTime: false })],
    rules: { flagQuota: 0, meritQuota: { count: 0 } },
    expected: {
      lines: [],
      ineligible: [out('ca-mau', 'LATE')],
      meritSeats: 0,
      pendingVote: null,
    },
  },
  {
    name: 'gives every seat to merit when the flag quota is 0',
    candidates: fiveInARow,
    rules: { flagQuota: 0 },
    expected: { lines: [merit('an-giang', 1), merit('bac-ninh', 2)], meritSeats: 2 },
  },
  {
    name: 'proposes no merit when the share rounds down to 0 seats',
    candidates: fiveInARow,
    memberCount: 4,
    expected: { lines: [flag('an-giang', 1)], meritSeats: 0, pendingVote: null },
  },
  {
    name: 'does not tie a group at the merit boundary when the merit quota is 0',
    candidates: tieAtTop,
    votes: [vote('FLAG', 1, 'an-giang')],
    rules: { meritQuota: { count: 0 } },
    expected: { lines: [flag('an-giang', 1, true)], meritSeats: 0, pendingVote: null },
  },
  {
    name: 'fills a merit quota given as a count regardless of the member count',
    candidates: fiveInARow,
    memberCount: 5,
    rules: { meritQuota: { count: 3 } },
    expected: {
      lines: [flag('an-giang', 1), merit('bac-ninh', 2), merit('ca-mau', 3), merit('da-nang', 4)],
      meritSeats: 3,
    },
  },
  {
    name: 'proposes fewer awards than seats when too few units are eligible',
    candidates: [unit('an-giang', 1), unit('bac-ninh', 2, { classification: 'TOT' })],
    rules: { flagQuota: 2, meritQuota: { count: 5 } },
    expected: { lines: [flag('an-giang', 1)], meritSeats: 5, pendingVote: null },
  },
  {
    name: 'ignores a vote naming more winners than seats and keeps the tie pending',
    candidates: tieAtTop,
    votes: [vote('FLAG', 1, 'an-giang', 'bac-ninh')],
    expected: {
      lines: [tied('FLAG', 'an-giang', 1, 1), tied('FLAG', 'bac-ninh', 1, 1)],
      pendingVote: pending('FLAG', 1, 1, ['an-giang', 'bac-ninh']),
    },
  },
  {
    name: 'ignores a vote naming a unit outside the tied group and keeps the tie pending',
    candidates: tieAtTop,
    votes: [vote('FLAG', 1, 'ca-mau')],
    expected: { pendingVote: pending('FLAG', 1, 1, ['an-giang', 'bac-ninh']) },
  },
  {
    name: 'ignores a vote recorded for another award or rank and keeps the tie pending',
    candidates: tieAtTop,
    votes: [vote('MERIT', 1, 'an-giang'), vote('FLAG', 2, 'an-giang')],
    expected: { pendingVote: pending('FLAG', 1, 1, ['an-giang', 'bac-ninh']) },
  },
  {
    name: 'ignores a vote naming the same winner twice for two seats',
    candidates: threeAtTop,
    rules: { flagQuota: 2 },
    votes: [vote('FLAG', 1, 'an-giang', 'an-giang')],
    expected: { pendingVote: pending('FLAG', 1, 2, ['an-giang', 'bac-ninh', 'ca-mau']) },
  },
  {
    name: 'ignores a vote for a group that fits its seats and proposes it without a vote',
    candidates: tieAtTop,
    rules: { flagQuota: 2 },
    votes: [vote('FLAG', 1, 'an-giang')],
    expected: {
      lines: [flag('an-giang', 1), flag('bac-ninh', 1), merit('ca-mau', 3), merit('da-nang', 4)],
    },
  },
  {
    name: 'follows the last matching vote when the cluster voted on the same tie twice',
    candidates: tieAtTop,
    votes: [vote('FLAG', 1, 'an-giang'), vote('FLAG', 1, 'bac-ninh')],
    expected: { lines: [flag('bac-ninh', 1, true), merit('an-giang', 1), merit('ca-mau', 3)] },
  },
];

describe('allocateAwards', () => {
  test.each(allocationRows)('$name', (row) => {
    const proposal = allocateAwards(
      row.candidates,
      row.memberCount ?? 14,
      { ...defaultRules, ...row.rules },
      row.votes ?? [],
    );
    expect(proposal).toMatchObject(row.expected);
    if (row.expected.lines !== undefined) expect(proposal.lines).toEqual(row.expected.lines);
  });
});

interface ThrowRow {
  name: string;
  candidates: AwardCandidate[];
  memberCount?: number;
  rules?: Partial<AwardRules>;
  error: string;
}

const throwRows: ThrowRow[] = [
  {
    name: 'throws when a unit appears twice in the standings',
    candidates: [unit('an-giang', 1), unit('an-giang', 2)],
    error: 'unit an-giang appears more than once in the standings',
  },
  {
    name: 'throws when a rank is not a positive integer',
    candidates: [unit('an-giang', 0)],
    error: 'unit an-giang has rank 0, not a positive integer',
  },
  {
    name: 'throws when the flag quota is negative',
    candidates: [],
    rules: { flagQuota: -1 },
    error: 'flagQuota must be a non-negative integer, got -1',
  },
  {
    name: 'throws when the merit share exceeds 100 percent',
    candidates: [],
    rules: { meritQuota: { sharePercent: 101 } },
    error: 'meritQuota.sharePercent must be at most 100, got 101',
  },
  {
    name: 'throws when the member count is fractional',
    candidates: [],
    memberCount: 9.5,
    error: 'memberCount must be a non-negative integer, got 9.5',
  },
];

describe('allocateAwards on input only a bug produces', () => {
  test.each(throwRows)('$name', (row) => {
    expect(() =>
      allocateAwards(row.candidates, row.memberCount ?? 14, { ...defaultRules, ...row.rules }, []),
    ).toThrow(new RangeError(row.error));
  });
});

interface MeritSeatsRow {
  name: string;
  meritQuota: AwardRules['meritQuota'];
  memberCount: number;
  expected: number;
}

const meritSeatsRows: MeritSeatsRow[] = [
  {
    name: 'resolves 20% of 14 members to 2 seats',
    meritQuota: { sharePercent: 20 },
    memberCount: 14,
    expected: 2,
  },
  {
    name: 'resolves 20% of 9 members to 1 seat, rounded down',
    meritQuota: { sharePercent: 20 },
    memberCount: 9,
    expected: 1,
  },
  {
    name: 'resolves 20% of 4 members to 0 seats',
    meritQuota: { sharePercent: 20 },
    memberCount: 4,
    expected: 0,
  },
  {
    name: 'resolves 20% of 15 members to exactly 3 seats',
    meritQuota: { sharePercent: 20 },
    memberCount: 15,
    expected: 3,
  },
  {
    name: 'resolves 33% of 100 members to 33 seats',
    meritQuota: { sharePercent: 33 },
    memberCount: 100,
    expected: 33,
  },
  {
    name: 'resolves 100% of 7 members to 7 seats',
    meritQuota: { sharePercent: 100 },
    memberCount: 7,
    expected: 7,
  },
  {
    name: 'resolves a share of 0% to 0 seats',
    meritQuota: { sharePercent: 0 },
    memberCount: 14,
    expected: 0,
  },
  {
    name: 'resolves a count to itself whatever the member count',
    meritQuota: { count: 3 },
    memberCount: 2,
    expected: 3,
  },
];

describe('resolveMeritSeats', () => {
  test.each(meritSeatsRows)('$name', (row) => {
    expect(resolveMeritSeats(row.meritQuota, row.memberCount)).toBe(row.expected);
  });
});

interface VoteRow {
  name: string;
  candidates: AwardCandidate[];
  memberCount?: number;
  rules?: Partial<AwardRules>;
  recorded?: TieVote[];
  vote: TieVote;
  problems: string[];
}

const voteRows: VoteRow[] = [
  {
    name: 'accepts a vote that resolves the pending flag tie exactly',
    candidates: tieAtTop,
    vote: vote('FLAG', 1, 'an-giang'),
    problems: [],
  },
  {
    name: 'accepts a vote on the flag losers merit tie once the flag vote is recorded',
    candidates: threeAtTop,
    memberCount: 5,
    recorded: [vote('FLAG', 1, 'ca-mau')],
    vote: vote('MERIT', 1, 'bac-ninh'),
    problems: [],
  },
  {
    name: 'refuses a vote naming more winners than the seats tied for',
    candidates: tieAtTop,
    vote: vote('FLAG', 1, 'an-giang', 'bac-ninh'),
    problems: ['the vote names 2 winner(s), but the tie is for 1 seat(s)'],
  },
  {
    name: 'refuses a vote naming no winner',
    candidates: tieAtTop,
    vote: vote('FLAG', 1),
    problems: ['the vote names 0 winner(s), but the tie is for 1 seat(s)'],
  },
  {
    name: 'refuses a vote naming a unit outside the tied group',
    candidates: tieAtTop,
    vote: vote('FLAG', 1, 'ca-mau'),
    problems: ['winner ca-mau is not in the tied group (an-giang, bac-ninh)'],
  },
  {
    name: 'refuses a vote naming the same winner twice',
    candidates: threeAtTop,
    rules: { flagQuota: 2 },
    vote: vote('FLAG', 1, 'an-giang', 'an-giang'),
    problems: ['winner an-giang is named more than once'],
  },
  {
    name: 'refuses a vote for another award or rank than the pending tie',
    candidates: tieAtSecond,
    memberCount: 5,
    vote: vote('FLAG', 2, 'bac-ninh'),
    problems: [
      'the vote is for FLAG at rank 2, but the tie awaiting a vote is for MERIT at rank 2',
    ],
  },
  {
    name: 'lists every problem of a vote at once',
    candidates: tieAtTop,
    vote: vote('MERIT', 3, 'ca-mau', 'ha-nam'),
    problems: [
      'the vote is for MERIT at rank 3, but the tie awaiting a vote is for FLAG at rank 1',
      'the vote names 2 winner(s), but the tie is for 1 seat(s)',
      'winner ca-mau is not in the tied group (an-giang, bac-ninh)',
      'winner ha-nam is not in the tied group (an-giang, bac-ninh)',
    ],
  },
  {
    name: 'refuses a vote when the standings have no tie',
    candidates: fiveInARow,
    vote: vote('FLAG', 1, 'an-giang'),
    problems: ['no tie is awaiting a vote'],
  },
  {
    name: 'refuses a second vote on a tie already resolved',
    candidates: tieAtTop,
    recorded: [vote('FLAG', 1, 'an-giang')],
    vote: vote('FLAG', 1, 'bac-ninh'),
    problems: ['no tie is awaiting a vote'],
  },
];

describe('validateTieVote', () => {
  test.each(voteRows)('$name', (row) => {
    const problems = validateTieVote(
      row.candidates,
      row.memberCount ?? 14,
      { ...defaultRules, ...row.rules },
      row.recorded ?? [],
      row.vote,
    );
    expect(problems).toEqual(row.problems);
  });
});
