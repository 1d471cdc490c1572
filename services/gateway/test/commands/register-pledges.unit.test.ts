import { describe, expect, test } from 'vitest';
import {
  decideRegisterPledges,
  type RegisterPledgesState,
} from '../../src/commands/register-pledges.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';
import { northScheme } from './scheme-fixture.ts';

const registerPledges = spec(decideRegisterPledges);
const membership = { clusterCode: 'north', lead: 'alpha', deputies: ['beta'] };
const assigned: RegisterPledgesState = { membership, scheme: northScheme };
const command = {
  unitCode: 'gamma',
  year: 2024,
  targets: [{ indicator: 'admitted', target: '120' }],
};

describe('registerPledges', () => {
  test('a unit registers its own targets for the year', () => {
    const accepted = registerPledges
      .given(assigned)
      .when({ ...command, actor: member })
      .thenEvents([
        appended(
          'PledgesRegistered',
          'north',
          { unitCode: 'gamma', year: 2024, targets: { admitted: '120' } },
          member,
        ),
      ]);
    expect(accepted).toEqual({ unitCode: 'gamma', year: 2024, targets: 1 });
  });

  test.each([
    ['the central board', board],
    ['the lead', lead],
    ['a deputy', deputy],
    ['a unit of another cluster', outsider],
  ])('%s may not register targets for another unit', (_, actor) => {
    registerPledges
      .given(assigned)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only gamma may do this for itself');
  });

  test('a unit in no cluster that year has nothing to pledge', () => {
    registerPledges
      .given({ membership: null, scheme: null })
      .when({ ...command, actor: member })
      .thenInvalid([{ path: 'unitCode', message: 'gamma is not a member of any cluster in 2024' }]);
  });

  test('without a scheme for the year there are no TARGET criteria', () => {
    registerPledges
      .given({ membership, scheme: null })
      .when({ ...command, actor: member })
      .thenInvalid([{ path: 'year', message: 'no scheme is assigned to north for 2024' }]);
  });

  test('a malformed target, an indicator without a TARGET criterion, one given twice', () => {
    registerPledges
      .given(assigned)
      .when({
        ...command,
        targets: [
          { indicator: 'admitted', target: 'many' },
          { indicator: 'advised', target: '90' },
          { indicator: 'admitted', target: '130' },
        ],
        actor: member,
      })
      .thenInvalid([
        { path: 'targets.0.target', message: expect.any(String) as string },
        {
          path: 'targets.1.indicator',
          message: 'advised is not the indicator of a TARGET criterion of the scheme',
        },
        { path: 'targets.2.indicator', message: 'admitted is given twice' },
      ]);
  });
});
