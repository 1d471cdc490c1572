import { describe, expect, test } from 'vitest';
import { decideAwardDecision, type AwardSheetState } from '../../src/commands/decide-award.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';

const decideAward = spec(decideAwardDecision);
const line = { rank: 1, byVote: false, decision: null, granted: null };
/** alpha is proposed for the flag, beta for merit; gamma and delta tie for the last merit seat. */
const proposed: AwardSheetState = {
  sheet: {
    lines: [
      { ...line, unitCode: 'alpha', proposed: 'FLAG', status: 'PROPOSED' },
      { ...line, unitCode: 'beta', proposed: 'MERIT', status: 'PROPOSED', rank: 2 },
      { ...line, unitCode: 'gamma', proposed: 'MERIT', status: 'TIED', rank: 3 },
    ],
    ineligible: [],
    meritSeats: 2,
    pendingVote: { award: 'MERIT', rank: 3, seats: 1, units: ['gamma', 'delta'] },
  },
};
const command = {
  clusterCode: 'north',
  year: 2024,
  unitCode: 'alpha',
  award: 'FLAG',
  decision: 'APPROVE_LOWER',
  reason: ' Chưa đủ tiêu chuẩn Cờ ',
  decisionNumber: ' 123/QĐ-BTC ',
  decidedOn: '2025-01-15',
  signer: ' Nguyễn Văn A ',
};

describe('decideAward', () => {
  test('the central board decides a proposed line, texts trimmed', () => {
    const accepted = decideAward
      .given(proposed)
      .when({ ...command, actor: board })
      .thenEvents([
        appended(
          'AwardDecided',
          'north',
          {
            year: 2024,
            unitCode: 'alpha',
            award: 'FLAG',
            decision: 'APPROVE_LOWER',
            reason: 'Chưa đủ tiêu chuẩn Cờ',
            decisionNumber: '123/QĐ-BTC',
            decidedOn: '2025-01-15',
            signer: 'Nguyễn Văn A',
          },
          board,
        ),
      ]);
    expect(accepted).toEqual({ clusterCode: 'north', year: 2024, unitCode: 'alpha' });
  });

  test.each([
    ['the lead', lead],
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not decide awards', (_, actor) => {
    decideAward
      .given(proposed)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only the central board may do this');
  });

  test('an unknown award and decision, unreadable texts, a malformed date, no such line', () => {
    decideAward
      .given(proposed)
      .when({
        ...command,
        award: 'MEDAL',
        decision: 'MAYBE',
        reason: '',
        decisionNumber: '\u202e',
        signer: ' ',
        decidedOn: '15/01/2025',
        actor: board,
      })
      .thenInvalid([
        { path: 'award', message: 'must be FLAG or MERIT' },
        { path: 'decision', message: 'must be APPROVE, APPROVE_LOWER, RETURN or REJECT' },
        { path: 'reason', message: expect.any(String) as string },
        { path: 'decisionNumber', message: expect.any(String) as string },
        { path: 'signer', message: expect.any(String) as string },
        { path: 'decidedOn', message: 'must be a date such as 2024-01-15' },
        { path: 'unitCode', message: 'alpha has no proposed MEDAL line in north for 2024' },
      ]);
  });

  test.each([
    ['a line still tied', { unitCode: 'gamma', award: 'MERIT' }, proposed],
    ['an award the unit is not proposed for', { unitCode: 'alpha', award: 'MERIT' }, proposed],
    ['a unit with no line', { unitCode: 'delta', award: 'MERIT' }, proposed],
    ['a year without a published sheet', { unitCode: 'alpha', award: 'FLAG' }, { sheet: null }],
  ] satisfies [string, { unitCode: string; award: string }, AwardSheetState][])(
    '%s is not decided',
    (_, which, state) => {
      const target = { ...command, ...which, decision: 'APPROVE' };
      decideAward
        .given(state)
        .when({ ...target, actor: board })
        .thenInvalid([
          {
            path: 'unitCode',
            message: `${target.unitCode} has no proposed ${target.award} line in north for 2024`,
          },
        ]);
    },
  );

  test('only a flag can be approved as a lower award', () => {
    decideAward
      .given(proposed)
      .when({ ...command, unitCode: 'beta', award: 'MERIT', actor: board })
      .thenInvalid([{ path: 'decision', message: 'only a flag can be approved as a lower award' }]);
  });
});
