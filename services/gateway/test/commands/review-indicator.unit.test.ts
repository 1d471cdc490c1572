import { describe, expect, test } from 'vitest';
import { decideReviewIndicator } from '../../src/commands/review-indicator.ts';
import { appended, board, lead, spec } from './command-spec.ts';
import { notReviewers, reviewers, submitted, unitRefusals } from './scored-unit-fixture.ts';

const reviewIndicator = spec(decideReviewIndicator);
const command = {
  unitCode: 'gamma',
  periodId: '2024-H1',
  indicator: 'admitted',
  reviewedValue: '45',
  reason: ' Hồ sơ chỉ có 45 ',
};

describe('reviewIndicator', () => {
  test.each(reviewers)('%s sets the reviewed value of the counted version', (_, reviewer) => {
    const code = reviewer.role === 'CENTRAL' ? 'central' : reviewer.unitCode;
    const accepted = reviewIndicator
      .given(submitted)
      .when({ ...command, reviewer })
      .thenEvents([
        appended(
          'IndicatorReviewed',
          'north',
          {
            unitCode: 'gamma',
            periodId: '2024-H1',
            indicator: 'admitted',
            reviewedValue: '45',
            submissionVersion: 2,
            reason: 'Hồ sơ chỉ có 45',
            reviewer: code,
          },
          reviewer,
        ),
      ]);
    expect(accepted).toEqual({
      unitCode: 'gamma',
      periodId: '2024-H1',
      indicator: 'admitted',
      submittedValue: '90',
      reviewedValue: '45',
      submissionVersion: 2,
    });
  });

  test.each(notReviewers)('%s may not review an indicator', (_, reviewer, message) => {
    reviewIndicator
      .given(submitted)
      .when({ ...command, reviewer })
      .thenRefused('FORBIDDEN', message);
  });

  test.each(unitRefusals)('%s is refused', (_, state, override, problems) => {
    reviewIndicator
      .given(state)
      .when({ ...command, ...override, reviewer: board })
      .thenInvalid(problems);
  });

  test('an indicator outside the scheme, a value that does not parse, an unreadable reason', () => {
    reviewIndicator
      .given(submitted)
      .when({ ...command, indicator: 'unknown', reviewedValue: 'many', reason: '', reviewer: lead })
      .thenInvalid([
        { path: 'indicator', message: 'unknown is not an indicator of scheme north-2024' },
        { path: 'reviewedValue', message: expect.any(String) as string },
        { path: 'reason', message: expect.any(String) as string },
      ]);
  });

  test('a value the indicator could not have been submitted with is refused', () => {
    reviewIndicator
      .given(submitted)
      .when({ ...command, indicator: 'advised', reviewedValue: '100.5', reviewer: lead })
      .thenInvalid([{ path: 'reviewedValue', message: expect.any(String) as string }]);
  });

  test('an indicator the counted version gave no value for has nothing to review', () => {
    reviewIndicator
      .given({
        ...submitted,
        counted: { version: 3, indicators: { advised: '80' }, returnedAt: null },
      })
      .when({ ...command, reviewer: lead })
      .thenInvalid([
        { path: 'indicator', message: 'gamma gave no value for admitted in version 3' },
      ]);
  });
});
