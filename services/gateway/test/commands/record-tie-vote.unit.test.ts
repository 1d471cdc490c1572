import { describe, expect, test } from 'vitest';
import {
  decideRecordTieVote,
  type RecordTieVoteState,
} from '../../src/commands/record-tie-vote.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';

const recordTieVote = spec(decideRecordTieVote);
/** gamma, delta and epsilon tie at rank 3 for the last two merit seats. */
const pending: RecordTieVoteState = {
  cluster: { lead: 'alpha' },
  sheet: {
    lines: [],
    ineligible: [],
    meritSeats: 3,
    pendingVote: { award: 'MERIT', rank: 3, seats: 2, units: ['gamma', 'delta', 'epsilon'] },
  },
};
const command = {
  clusterCode: 'north',
  year: 2024,
  award: 'MERIT',
  rank: 3,
  winners: ['delta', 'gamma'],
};

describe('recordTieVote', () => {
  test.each([
    ['the central board', board, 'central'],
    ['the lead of the year', lead, 'alpha'],
  ])('%s records the vote settling the pending tie', (_, recordedBy, code) => {
    const accepted = recordTieVote
      .given(pending)
      .when({ ...command, recordedBy })
      .thenEvents([
        appended(
          'TieVoteRecorded',
          'north',
          { year: 2024, award: 'MERIT', rank: 3, winners: ['delta', 'gamma'], recordedBy: code },
          recordedBy,
        ),
      ]);
    expect(accepted).toEqual({ clusterCode: 'north', year: 2024 });
  });

  test.each([
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not record it', (_, recordedBy) => {
    recordTieVote
      .given(pending)
      .when({ ...command, recordedBy })
      .thenRefused('FORBIDDEN', 'only the lead of the year records the vote');
  });

  test('a cluster not defined for the year', () => {
    recordTieVote
      .given({ ...pending, cluster: null })
      .when({ ...command, recordedBy: board })
      .thenInvalid([{ path: 'clusterCode', message: 'cluster north is not defined for 2024' }]);
  });

  test('no tie awaiting a vote, and an unknown award', () => {
    recordTieVote
      .given({ ...pending, sheet: null })
      .when({ ...command, award: 'CUP', recordedBy: lead })
      .thenInvalid([
        { path: 'award', message: 'must be FLAG or MERIT' },
        { path: 'rank', message: 'no tie is awaiting a vote in this cluster and year' },
      ]);
  });

  test('another tie, the wrong number of winners, a winner outside the tied group', () => {
    recordTieVote
      .given(pending)
      .when({ ...command, rank: 2, winners: ['gamma', 'gamma', 'omega'], recordedBy: lead })
      .thenInvalid([
        { path: 'rank', message: 'the tie awaiting a vote is for MERIT at rank 3' },
        { path: 'winners', message: 'name 2 different unit(s) for the 2 seat(s)' },
        { path: 'winners.2', message: 'omega is not in the tied group' },
      ]);
  });
});
