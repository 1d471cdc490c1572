import { describe, expect, test } from 'vitest';
import { decideDefineCluster } from '../../src/commands/define-cluster.ts';
import { appended, board, deputy, lead, member, outsider, spec } from './command-spec.ts';

const defineCluster = spec(decideDefineCluster);
const alpha = { unitCode: 'alpha', name: 'Đơn vị Alpha', mergedFrom: ['old-alpha'] };
const beta = { unitCode: 'beta', name: 'Đơn vị Beta' };
const members = [alpha, beta];
const command = {
  clusterCode: 'north',
  name: 'Cụm Bắc',
  year: 2024,
  members,
  lead: 'alpha',
  deputies: ['beta'],
};

describe('defineCluster', () => {
  test('the central board defines a cluster; merged units default to none', () => {
    const accepted = defineCluster
      .given(null)
      .when({ ...command, actor: board })
      .thenEvents([
        appended(
          'ClusterDefined',
          'north',
          {
            name: 'Cụm Bắc',
            year: 2024,
            members: [alpha, { ...beta, mergedFrom: [] }],
            lead: 'alpha',
            deputies: ['beta'],
          },
          board,
        ),
      ]);
    expect(accepted).toEqual({ clusterCode: 'north', year: 2024 });
  });

  test('a cluster may have no lead and no deputies yet', () => {
    defineCluster
      .given(null)
      .when({ ...command, lead: null, deputies: null, actor: board })
      .thenEvents([
        appended(
          'ClusterDefined',
          'north',
          {
            name: 'Cụm Bắc',
            year: 2024,
            members: [alpha, { ...beta, mergedFrom: [] }],
            lead: null,
            deputies: [],
          },
          board,
        ),
      ]);
  });

  test.each([
    ['a lead', lead],
    ['a deputy', deputy],
    ['a plain member', member],
    ['a unit of another cluster', outsider],
  ])('%s may not define a cluster', (_, actor) => {
    defineCluster
      .given(null)
      .when({ ...command, actor })
      .thenRefused('FORBIDDEN', 'only the central board may do this');
  });

  test('a malformed cluster code and a unit listed twice are named', () => {
    defineCluster
      .given(null)
      .when({
        ...command,
        clusterCode: 'North',
        members: [alpha, beta, beta],
        actor: board,
      })
      .thenInvalid([
        { path: 'clusterCode', message: 'must be a lower-case code such as ha-tinh' },
        { path: 'members', message: 'a unit is listed twice' },
      ]);
  });

  test('central names the board and is no unit code, as a member or a merged unit', () => {
    defineCluster
      .given(null)
      .when({
        ...command,
        members: [{ unitCode: 'central', name: 'Ban', mergedFrom: ['central'] }, alpha],
        deputies: [],
        actor: board,
      })
      .thenInvalid([
        {
          path: 'members.0.unitCode',
          message: '"central" names the central board, a role, and cannot be a unit\'s code',
        },
        {
          path: 'members.0.mergedFrom.0',
          message: '"central" names the central board, a role, and cannot be a unit\'s code',
        },
      ]);
  });

  test('the lead and the deputies must be members, a deputy not the lead', () => {
    defineCluster
      .given(null)
      .when({ ...command, lead: 'omega', deputies: ['omega', 'beta'], actor: board })
      .thenInvalid([
        { path: 'lead', message: 'the lead must be a member of the cluster' },
        {
          path: 'deputies.0',
          message: 'a deputy must be a member of the cluster other than the lead',
        },
      ]);
    defineCluster
      .given(null)
      .when({ ...command, deputies: ['alpha'], actor: board })
      .thenInvalid([
        {
          path: 'deputies.0',
          message: 'a deputy must be a member of the cluster other than the lead',
        },
      ]);
  });
});
