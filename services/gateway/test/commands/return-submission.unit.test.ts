import { describe, expect, test } from 'vitest';
import { decideReturnSubmission } from '../../src/commands/return-submission.ts';
import { appended, board, lead, now, spec } from './command-spec.ts';
import { notReviewers, reviewers, submitted, unitRefusals } from './scored-unit-fixture.ts';

const returnSubmission = spec(decideReturnSubmission);
const command = { unitCode: 'gamma', periodId: '2024-H1', reason: ' Giải trình số liệu ' };

describe('returnSubmission', () => {
  test.each(reviewers)('%s returns the counted version for explanation', (_, returnedBy) => {
    const code = returnedBy.role === 'CENTRAL' ? 'central' : returnedBy.unitCode;
    const accepted = returnSubmission
      .given(submitted)
      .when({ ...command, returnedBy })
      .thenEvents([
        appended(
          'SubmissionReturned',
          'north',
          {
            unitCode: 'gamma',
            periodId: '2024-H1',
            submissionVersion: 2,
            reason: 'Giải trình số liệu',
            returnedBy: code,
          },
          returnedBy,
        ),
      ]);
    expect(accepted).toEqual({
      unitCode: 'gamma',
      periodId: '2024-H1',
      version: 2,
      reason: 'Giải trình số liệu',
      returnedAt: now.toISOString(),
    });
  });

  test.each(notReviewers)('%s may not return it', (_, returnedBy, message) => {
    returnSubmission
      .given(submitted)
      .when({ ...command, returnedBy })
      .thenRefused('FORBIDDEN', message);
  });

  test.each(unitRefusals)('%s is refused', (_, state, override, problems) => {
    returnSubmission
      .given(state)
      .when({ ...command, ...override, returnedBy: board })
      .thenInvalid(problems);
  });

  test('a closed period, where the unit could not submit again, and an unreadable reason', () => {
    returnSubmission
      .given({ ...submitted, period: { status: 'CLOSED', deadline: '2024-06-30T10:00:00.000Z' } })
      .when({ ...command, reason: '   ', returnedBy: lead })
      .thenInvalid([
        {
          path: 'periodId',
          message: 'period 2024-H1 is not open, so gamma could not submit again',
        },
        { path: 'reason', message: expect.any(String) as string },
      ]);
  });

  test('a version already returned waits for a new one', () => {
    returnSubmission
      .given({
        ...submitted,
        counted: { version: 2, indicators: {}, returnedAt: '2024-06-30T10:00:00.000Z' },
      })
      .when({ ...command, returnedBy: lead })
      .thenRefused(
        'CONFLICT',
        'version 2 of gamma is already returned; it waits for a new version',
      );
  });
});
