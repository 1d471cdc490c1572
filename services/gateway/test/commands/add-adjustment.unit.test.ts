import { describe, expect, test } from 'vitest';
import { decideAddAdjustment, type AdjustmentState } from '../../src/commands/add-adjustment.ts';
import { appended, board, lead, nthId, spec } from './command-spec.ts';
import { notReviewers, reviewers, submitted, unitRefusals } from './scored-unit-fixture.ts';

const addAdjustment = spec(decideAddAdjustment);
const noItems: AdjustmentState = { ...submitted, items: 0 };
const item = { unitCode: 'gamma', periodId: '2024-H1', points: '2.50', reason: ' Khen thưởng ' };

describe('addAdjustment', () => {
  test.each(reviewers)('%s adds a bonus item with its own id', (_, addedBy) => {
    const accepted = addAdjustment
      .given(noItems)
      .when({ ...item, kind: 'BONUS', addedBy })
      .thenEvents([
        appended(
          'BonusAdded',
          'north',
          {
            itemId: nthId(2),
            unitCode: 'gamma',
            periodId: '2024-H1',
            points: '2.50',
            reason: 'Khen thưởng',
            addedBy: addedBy.role === 'CENTRAL' ? 'central' : addedBy.unitCode,
          },
          addedBy,
        ),
      ]);
    expect(accepted).toEqual({ itemId: nthId(2), unitCode: 'gamma', periodId: '2024-H1' });
  });

  test('a deduction item says whether it disqualifies, not by default', () => {
    const deduction = (disqualifying?: boolean) =>
      addAdjustment
        .given(noItems)
        .when({ ...item, kind: 'DEDUCTION', disqualifying, addedBy: lead });
    const data = {
      itemId: nthId(2),
      unitCode: 'gamma',
      periodId: '2024-H1',
      points: '2.50',
      reason: 'Khen thưởng',
      addedBy: 'alpha',
    };
    deduction(true).thenEvents([
      appended('DeductionAdded', 'north', { ...data, disqualifying: true }, lead),
    ]);
    deduction().thenEvents([
      appended('DeductionAdded', 'north', { ...data, disqualifying: false }, lead),
    ]);
  });

  test.each(notReviewers)('%s may not add an item', (_, addedBy, message) => {
    addAdjustment
      .given(noItems)
      .when({ ...item, kind: 'BONUS', addedBy })
      .thenRefused('FORBIDDEN', message);
  });

  test.each(unitRefusals)('%s is refused', (_, state, override, problems) => {
    addAdjustment
      .given({ ...state, items: 0 })
      .when({ ...item, ...override, kind: 'BONUS', addedBy: board })
      .thenInvalid(problems);
  });

  test('points that do not parse, an item above maxTotal, an unreadable reason', () => {
    addAdjustment
      .given(noItems)
      .when({ ...item, points: '-1', reason: '\u200b', kind: 'BONUS', addedBy: board })
      .thenInvalid([
        { path: 'points', message: expect.any(String) as string },
        { path: 'reason', message: expect.any(String) as string },
      ]);
    addAdjustment
      .given(noItems)
      .when({ ...item, points: '100.01', kind: 'DEDUCTION', addedBy: board })
      .thenInvalid([
        {
          path: 'points',
          message: "an item is worth at most the scheme's maxTotal 100, got 100.01",
        },
      ]);
  });

  test('a unit has at most 100 items of each kind in a period', () => {
    addAdjustment
      .given({ ...submitted, items: 99 })
      .when({ ...item, kind: 'BONUS', addedBy: board })
      .thenEvents([
        appended(
          'BonusAdded',
          'north',
          { ...item, itemId: nthId(2), reason: 'Khen thưởng', addedBy: 'central' },
          board,
        ),
      ]);
    addAdjustment
      .given({ ...submitted, items: 100 })
      .when({ ...item, kind: 'DEDUCTION', addedBy: board })
      .thenRefused(
        'CONFLICT',
        'gamma already has 100 deduction items in 2024-H1, the most a unit may get in a period',
      );
  });
});
