import { describe, expect, test } from 'vitest';
import { decideReviewScore } from '../../src/commands/review-score.ts';
import { appended, board, deputy, lead, spec } from './command-spec.ts';
import { notReviewers, reviewers, submitted, unitRefusals } from './scored-unit-fixture.ts';

const reviewScore = spec(decideReviewScore);
const command = {
  unitCode: 'gamma',
  periodId: '2024-H1',
  criterion: '1.3',
  reviewedScore: '15.50',
  reason: '  Thiếu minh chứng  ',
};

describe('reviewScore', () => {
  test.each(reviewers)('%s reviews a self-assessed score, the reason trimmed', (_, reviewer) => {
    const accepted = reviewScore
      .given(submitted)
      .when({ ...command, reviewer })
      .thenEvents([
        appended(
          'ScoreReviewed',
          'north',
          {
            unitCode: 'gamma',
            periodId: '2024-H1',
            criterion: '1.3',
            reviewedScore: '15.50',
            reason: 'Thiếu minh chứng',
            reviewer: reviewer.role === 'CENTRAL' ? 'central' : reviewer.unitCode,
          },
          reviewer,
        ),
      ]);
    expect(accepted).toEqual({ ...command, reviewer });
  });

  test.each(notReviewers)('%s may not review it', (_, reviewer, message) => {
    reviewScore
      .given(submitted)
      .when({ ...command, reviewer })
      .thenRefused('FORBIDDEN', message);
  });

  test("the lead's own scorecard is reviewed by a deputy or the board, never by the lead", () => {
    const ofLead = { ...command, unitCode: 'alpha' };
    reviewScore
      .given(submitted)
      .when({ ...ofLead, reviewer: lead })
      .thenRefused('FORBIDDEN', 'a unit cannot review itself');
    for (const reviewer of [deputy, board]) {
      expect(reviewScore.given(submitted).when({ ...ofLead, reviewer }).result.ok).toBe(true);
    }
  });

  test.each(unitRefusals)('%s is refused', (_, state, override, problems) => {
    reviewScore
      .given(state)
      .when({ ...command, ...override, reviewer: board })
      .thenInvalid(problems);
  });

  test('a criterion not self-assessed, a score above its maximum, an unreadable reason', () => {
    reviewScore
      .given(submitted)
      .when({ ...command, criterion: '1.1', reviewedScore: 'x', reason: ' ', reviewer: lead })
      .thenInvalid([
        { path: 'criterion', message: '1.1 is not a self-assessed criterion of the scheme' },
        { path: 'reviewedScore', message: expect.any(String) as string },
        { path: 'reason', message: expect.any(String) as string },
      ]);
    reviewScore
      .given(submitted)
      .when({ ...command, reviewedScore: '20.01', reviewer: lead })
      .thenInvalid([{ path: 'reviewedScore', message: "exceeds the criterion's maximum 20" }]);
  });
});
