import { describe, expect, test } from 'vitest';
import type { CountedVersion, ScoredUnitState } from '../../src/commands/scored-unit.ts';
import { decideSubmitResults } from '../../src/commands/submit-results.ts';
import { appended, board, deputy, lead, member, now, outsider, spec } from './command-spec.ts';
import { membership } from './scored-unit-fixture.ts';
import { northScheme } from './scheme-fixture.ts';

const submitResults = spec(decideSubmitResults);
const version = (n: number): CountedVersion => ({ version: n, indicators: {}, returnedAt: null });
const open: ScoredUnitState = {
  membership,
  period: { status: 'OPEN', deadline: '2024-07-10T10:00:00.000Z' },
  scheme: northScheme,
  counted: version(1),
};
const command = {
  unitCode: 'gamma',
  periodId: '2024-H1',
  indicators: [
    { code: 'admitted', value: '90' },
    { code: 'advised', value: '80.5' },
  ],
  selfScores: [{ criterion: '1.3', score: '18' }],
};
const submittedAt = now.toISOString();

describe('submitResults', () => {
  test('a unit submits its next version, on time before the deadline', () => {
    const accepted = submitResults
      .given(open)
      .when({ ...command, actor: member })
      .thenEvents([
        appended(
          'ResultsSubmitted',
          'north',
          {
            unitCode: 'gamma',
            periodId: '2024-H1',
            submissionVersion: 2,
            submittedAt,
            indicators: { admitted: '90', advised: '80.5' },
            selfScores: { '1.3': '18' },
          },
          member,
        ),
      ]);
    expect(accepted).toEqual({
      unitCode: 'gamma',
      clusterCode: 'north',
      periodId: '2024-H1',
      version: 2,
      submittedAt,
      onTime: true,
    });
  });

  test('after the deadline the version is accepted as late; the first one is version 1', () => {
    const late = submitResults
      .given({
        ...open,
        period: { status: 'OPEN', deadline: new Date(now.getTime() - 1) },
        counted: null,
      })
      .when({ ...command, expectedVersion: 0, actor: member }).result;
    expect(late).toMatchObject({ ok: true, value: { version: 1, onTime: false } });
  });

  test.each([
    ['the central board', board],
    ['the lead', lead],
    ['a deputy', deputy],
    ['a unit of another cluster', outsider],
  ])('%s may not submit for the unit', (_, actor) => {
    submitResults
      .given(open)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only gamma may do this for itself');
  });

  test('a malformed period id, a code given twice and a value that does not parse', () => {
    submitResults
      .given({ ...open, membership: null })
      .when({
        ...command,
        periodId: '2024-h1',
        indicators: [
          { code: 'admitted', value: '90' },
          { code: 'admitted', value: 'ninety' },
        ],
        actor: member,
      })
      .thenInvalid([
        { path: 'periodId', message: 'must look like 2023-H1 or 2023-FY' },
        { path: 'indicators.1', message: 'admitted is given twice' },
        { path: 'indicators.admitted', message: expect.any(String) as string },
      ]);
  });

  test('a unit in no cluster that year', () => {
    submitResults
      .given({ membership: null, period: null, scheme: null, counted: null })
      .when({ ...command, actor: member })
      .thenInvalid([{ path: 'unitCode', message: 'gamma is not a member of any cluster in 2024' }]);
  });

  test('a period never opened, or closed, and no scheme for the year', () => {
    submitResults
      .given({ ...open, period: null, scheme: null })
      .when({ ...command, actor: member })
      .thenInvalid([
        { path: 'periodId', message: 'period 2024-H1 is not open' },
        { path: 'periodId', message: 'no scheme is assigned to north for 2024' },
      ]);
    submitResults
      .given({ ...open, period: { status: 'CLOSED', deadline: '2024-06-30T10:00:00.000Z' } })
      .when({ ...command, actor: member })
      .thenInvalid([{ path: 'periodId', message: 'period 2024-H1 is closed' }]);
  });

  test("every problem the scheme's checks find: unknown codes, missing values", () => {
    const refused = submitResults.given(open).when({
      ...command,
      indicators: [
        { code: 'admitted', value: '90' },
        { code: '__proto__', value: '1' },
      ],
      actor: member,
    }).result;
    expect(refused).toMatchObject({ ok: false, refusal: { kind: 'VALIDATION' } });
    const paths =
      refused.ok || refused.refusal.kind !== 'VALIDATION' ? [] : refused.refusal.problems;
    expect(paths.map((found) => found.path)).toEqual(
      expect.arrayContaining(['indicators.__proto__', 'indicators.advised']),
    );
  });

  test('a unit that saw an older version is told to reload', () => {
    submitResults
      .given({ ...open, counted: version(3) })
      .when({ ...command, expectedVersion: 2, actor: member })
      .thenRefused('CONFLICT', 'version 3 is the latest, not 2; reload and submit again');
  });

  describe('a paper report recorded by the lead or the central board', () => {
    // The period opened on 1 June; the deadline is 10 July; it is now 1 July.
    const withOpening: ScoredUnitState = {
      ...open,
      period: {
        status: 'OPEN',
        deadline: '2024-07-10T10:00:00.000Z',
        openedAt: '2024-06-01T00:00:00.000Z',
      },
    };
    const receivedAt = '2024-06-28T09:30:00+07:00';

    test.each([
      ['the lead', lead, 'alpha'],
      ['the central board', board, 'central'],
    ])('%s records it: received-at counts as the submission moment', (_, actor, recordedBy) => {
      const accepted = submitResults
        .given(withOpening)
        .when({ ...command, receivedAt, actor })
        .thenEvents([
          appended(
            'ResultsSubmitted',
            'north',
            {
              unitCode: 'gamma',
              periodId: '2024-H1',
              submissionVersion: 2,
              submittedAt: '2024-06-28T02:30:00.000Z',
              indicators: { admitted: '90', advised: '80.5' },
              selfScores: { '1.3': '18' },
              paperReport: { recordedBy, recordedAt: submittedAt },
            },
            actor,
          ),
        ]);
      expect(accepted).toMatchObject({ submittedAt: '2024-06-28T02:30:00.000Z', onTime: true });
    });

    test('a report received after the deadline is late even when recorded while the period is open', () => {
      const late = submitResults
        .given({
          ...withOpening,
          period: { status: 'OPEN', deadline: '2024-06-20T10:00:00.000Z', openedAt: null },
        })
        .when({ ...command, receivedAt, actor: lead }).result;
      expect(late).toMatchObject({ ok: true, value: { onTime: false } });
    });

    test('the unit can never record one for itself, not even when it leads the cluster', () => {
      submitResults
        .given(withOpening)
        .when({ ...command, receivedAt, actor: member })
        .thenRefused(
          'FORBIDDEN',
          'a unit cannot record a paper report for itself; it submits its results itself',
        );
      submitResults
        .given(withOpening)
        .when({ ...command, unitCode: 'alpha', receivedAt, actor: lead })
        .thenRefused(
          'FORBIDDEN',
          'a unit cannot record a paper report for itself; it submits its results itself',
        );
    });

    test.each([
      ['a deputy', deputy],
      ['a unit of another cluster', outsider],
    ])('%s may not record it', (_, actor) => {
      submitResults
        .given(withOpening)
        .when({ ...command, receivedAt, actor })
        .thenRefused(
          'FORBIDDEN',
          "only the central board or the lead of gamma's cluster may record its paper report",
        );
    });

    test.each([
      ['in the future', '2024-07-01T03:00:01.000Z', '2024-07-01T03:00:01.000Z is in the future'],
      [
        'before the period opened',
        '2024-05-31T23:59:59.000Z',
        '2024-05-31T23:59:59.000Z is before the period opened (2024-06-01T00:00:00.000Z)',
      ],
      ['not a moment', '28/06/2024', 'must be a moment such as 2026-12-14T09:00:00+07:00'],
    ])('a received-at %s is refused', (_, when, message) => {
      submitResults
        .given(withOpening)
        .when({ ...command, receivedAt: when, actor: lead })
        .thenInvalid([{ path: 'receivedAt', message }]);
    });

    test('a closed period takes no paper report', () => {
      submitResults
        .given({
          ...withOpening,
          period: { status: 'CLOSED', deadline: '2024-06-30T10:00:00.000Z' },
        })
        .when({ ...command, receivedAt, actor: board })
        .thenInvalid([{ path: 'periodId', message: 'period 2024-H1 is closed' }]);
    });
  });
});
