import { describe, expect, test } from 'vitest';
import { decideAssignScheme } from '../../src/commands/assign-scheme.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';
import { northScheme, schemeInput } from './scheme-fixture.ts';

const assignScheme = spec(decideAssignScheme);
const defined = { clusterDefined: true };

describe('assignScheme', () => {
  test('the central board assigns a scheme, published with its defaults filled in', () => {
    const accepted = assignScheme
      .given(defined)
      .when({ clusterCode: 'north', scheme: schemeInput, actor: board })
      .thenEvents([appended('SchemeAssigned', 'north', { scheme: northScheme }, board)]);
    expect(accepted).toEqual({ clusterCode: 'north', year: 2024, code: 'north-2024' });
  });

  test.each([
    ['the lead', lead],
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not assign a scheme', (_, actor) => {
    assignScheme
      .given(defined)
      .when({ clusterCode: 'north', scheme: schemeInput, actor })
      .thenRefused('FORBIDDEN', 'only the central board may do this');
  });

  test('a scheme that does not parse is refused field by field', () => {
    assignScheme
      .given({ clusterDefined: false })
      .when({ clusterCode: 'north', scheme: { ...schemeInput, year: 1999 }, actor: board })
      .thenInvalid([{ path: 'scheme.year', message: expect.any(String) as string }]);
  });

  test('a criterion on an unknown indicator, points beyond maxTotal, an undefined cluster', () => {
    const headings = schemeInput.headings.map((heading) => ({
      ...heading,
      criteria: heading.criteria.map((criterion) =>
        criterion.code === '1.1'
          ? { ...criterion, indicator: 'unknown', maxPoints: '60' }
          : criterion,
      ),
    }));
    assignScheme
      .given({ clusterDefined: false })
      .when({
        clusterCode: 'north',
        scheme: { ...schemeInput, headings },
        actor: board,
      })
      .thenInvalid([
        {
          path: 'scheme.headings.0.criteria.0.indicator',
          message: "indicator unknown is not in the scheme's indicators",
        },
        {
          path: 'scheme.headings',
          message: "The criteria's maxPoints add up to more than maxTotal 100",
        },
        { path: 'clusterCode', message: 'cluster north is not defined for 2024' },
      ]);
  });
});
