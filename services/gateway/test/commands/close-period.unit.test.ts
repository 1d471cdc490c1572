import { describe, expect, test } from 'vitest';
import { decideClosePeriod } from '../../src/commands/close-period.ts';
import type { PeriodState } from '../../src/commands/period-state.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';

const closePeriod = spec(decideClosePeriod);
const open: PeriodState = {
  cluster: { lead: 'alpha' },
  period: { status: 'OPEN', deadline: '2024-07-10T10:00:00.000Z' },
};
const command = { clusterCode: 'north', periodId: '2024-H1' };

describe('closePeriod', () => {
  test.each([
    ['the central board', board],
    ['the lead of the year', lead],
  ])('%s closes an open period', (_, actor) => {
    const accepted = closePeriod
      .given(open)
      .when({ ...command, actor })
      .thenEvents([appended('PeriodClosed', 'north', { periodId: '2024-H1' }, actor)]);
    expect(accepted).toEqual(command);
  });

  test.each([
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not close it', (_, actor) => {
    closePeriod
      .given(open)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only the central board or the lead of north in 2024 may do this');
  });

  test('a malformed period id is named', () => {
    closePeriod
      .given({ cluster: null, period: null })
      .when({ ...command, periodId: '24-H1', actor: board })
      .thenInvalid([{ path: 'periodId', message: expect.any(String) as string }]);
  });

  test.each([
    ['never opened', { cluster: { lead: 'alpha' }, period: null }],
    [
      'already closed',
      { cluster: { lead: 'alpha' }, period: { status: 'CLOSED', deadline: '2024-07-10' } },
    ],
  ] satisfies [string, PeriodState][])('a period %s is not closed', (_, state) => {
    closePeriod
      .given(state)
      .when({ ...command, actor: board })
      .thenRefused('NOT_FOUND', 'no open period 2024-H1 in north');
  });
});
