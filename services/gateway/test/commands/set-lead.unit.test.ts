import { describe, expect, test } from 'vitest';
import { decideSetLead, type SetLeadState } from '../../src/commands/set-lead.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';

const setLead = spec(decideSetLead);
const members = ['alpha', 'beta', 'gamma'].map((unitCode) => ({
  unitCode,
  name: `Đơn vị ${unitCode}`,
  mergedFrom: [],
}));
const defined: SetLeadState = { cluster: { name: 'Cụm Bắc', members } };
const command = { clusterCode: 'north', year: 2024, lead: 'gamma', deputies: ['alpha'] };

describe('setLead', () => {
  test('the central board sets the lead and deputies; the definition is published again', () => {
    const accepted = setLead
      .given(defined)
      .when({ ...command, actor: board })
      .thenEvents([
        appended(
          'ClusterDefined',
          'north',
          { name: 'Cụm Bắc', year: 2024, members, lead: 'gamma', deputies: ['alpha'] },
          board,
        ),
      ]);
    expect(accepted).toEqual({ clusterCode: 'north', year: 2024 });
  });

  test.each([
    ['the lead', lead],
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not set the lead', (_, actor) => {
    setLead
      .given(defined)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only the central board may do this');
  });

  test('a cluster not defined for the year has no lead to set', () => {
    setLead
      .given({ cluster: null })
      .when({ ...command, actor: board })
      .thenInvalid([{ path: 'clusterCode', message: 'cluster north is not defined for 2024' }]);
  });

  test('the lead and each deputy must be members, a deputy not the lead and named once', () => {
    setLead
      .given(defined)
      .when({
        ...command,
        lead: 'omega',
        deputies: ['beta', 'omega', 'beta', 'gamma'],
        actor: board,
      })
      .thenInvalid([
        { path: 'lead', message: 'the lead must be a member of the cluster' },
        {
          path: 'deputies.1',
          message: 'a deputy must be a member of the cluster, other than the lead, named once',
        },
        {
          path: 'deputies.2',
          message: 'a deputy must be a member of the cluster, other than the lead, named once',
        },
      ]);
  });

  test('a deputy who is the lead is refused', () => {
    setLead
      .given(defined)
      .when({ ...command, deputies: ['gamma'], actor: board })
      .thenInvalid([
        {
          path: 'deputies.0',
          message: 'a deputy must be a member of the cluster, other than the lead, named once',
        },
      ]);
  });
});
