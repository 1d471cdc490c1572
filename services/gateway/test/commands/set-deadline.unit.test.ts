import { describe, expect, test } from 'vitest';
import type { PeriodState } from '../../src/commands/period-state.ts';
import { decideSetDeadline } from '../../src/commands/set-deadline.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';

const setDeadline = spec(decideSetDeadline);
const open: PeriodState = {
  cluster: { lead: 'alpha' },
  period: { status: 'OPEN', deadline: '2024-07-10T10:00:00.000Z' },
};
const deadline = '2024-07-15T17:00:00+07:00';
const command = { clusterCode: 'north', periodId: '2024-H1', deadline };

describe('setDeadline', () => {
  test.each([
    ['the central board', board],
    ['the lead of the year', lead],
  ])('%s moves an open period deadline', (_, actor) => {
    const accepted = setDeadline
      .given(open)
      .when({ ...command, actor })
      .thenEvents([appended('DeadlineSet', 'north', { periodId: '2024-H1', deadline }, actor)]);
    expect(accepted).toEqual({ clusterCode: 'north', periodId: '2024-H1', deadline });
  });

  test.each([
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not move it', (_, actor) => {
    setDeadline
      .given(open)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only the central board or the lead of north in 2024 may do this');
  });

  test('a malformed deadline is named', () => {
    setDeadline
      .given(open)
      .when({ ...command, deadline: 'soon', actor: board })
      .thenInvalid([
        { path: 'deadline', message: 'Invalid ISO datetime' },
        { path: 'deadline', message: 'must be between the years 2000 and 2999' },
      ]);
  });

  test('a malformed period id is named', () => {
    setDeadline
      .given({ cluster: null, period: null })
      .when({ ...command, periodId: '2024', actor: board })
      .thenInvalid([{ path: 'periodId', message: expect.any(String) as string }]);
  });

  test.each([
    ['never opened', { cluster: { lead: 'alpha' }, period: null }],
    [
      'closed',
      { cluster: { lead: 'alpha' }, period: { status: 'CLOSED', deadline: '2024-07-10' } },
    ],
  ] satisfies [string, PeriodState][])('a period %s has no deadline to move', (_, state) => {
    setDeadline
      .given(state)
      .when({ ...command, actor: lead })
      .thenRefused('NOT_FOUND', 'no open period 2024-H1 in north');
  });
});
