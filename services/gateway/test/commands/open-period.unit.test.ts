import { describe, expect, test } from 'vitest';
import { decideOpenPeriod } from '../../src/commands/open-period.ts';
import type { PeriodState } from '../../src/commands/period-state.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';

const openPeriod = spec(decideOpenPeriod);
const definedNotOpened: PeriodState = { cluster: { lead: 'alpha' }, period: null };
const deadline = '2024-07-10T17:00:00+07:00';
const command = { clusterCode: 'north', periodId: '2024-H1', deadline };

describe('openPeriod', () => {
  test.each([
    ['the central board', board],
    ['the lead of the year', lead],
  ])('%s opens a period with its deadline', (_, actor) => {
    const accepted = openPeriod
      .given(definedNotOpened)
      .when({ ...command, actor })
      .thenEvents([appended('PeriodOpened', 'north', { periodId: '2024-H1', deadline }, actor)]);
    expect(accepted).toEqual({ clusterCode: 'north', periodId: '2024-H1', deadline });
  });

  test.each([
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not open a period', (_, actor) => {
    openPeriod
      .given(definedNotOpened)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only the central board or the lead of north in 2024 may do this');
  });

  test('a cluster without a lead is opened by the central board only', () => {
    openPeriod
      .given({ cluster: { lead: null }, period: null })
      .when({ ...command, actor: lead })
      .thenRefused('FORBIDDEN', 'only the central board or the lead of north in 2024 may do this');
  });

  test('a malformed period id and deadline are both named', () => {
    openPeriod
      .given({ cluster: null, period: null })
      .when({ clusterCode: 'north', periodId: '2024-H3', deadline: '10/07/2024', actor: board })
      .thenInvalid([
        { path: 'periodId', message: expect.any(String) as string },
        { path: 'deadline', message: expect.any(String) as string },
      ]);
  });

  test('a cluster not defined for the year has no periods', () => {
    openPeriod
      .given({ cluster: null, period: null })
      .when({ ...command, actor: board })
      .thenInvalid([{ path: 'clusterCode', message: 'cluster north is not defined for 2024' }]);
  });

  test.each(['OPEN', 'CLOSED'] as const)('a period already %s is not opened again', (status) => {
    openPeriod
      .given({ cluster: { lead: 'alpha' }, period: { status, deadline } })
      .when({ ...command, actor: lead })
      .thenRefused('CONFLICT', `period 2024-H1 of north is already ${status.toLowerCase()}`);
  });
});
