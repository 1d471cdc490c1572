import { expect } from 'vitest';
import type { Actor, SubmissionProblem } from '@thidua/schema';
import { unitStaff } from '../../src/auth/viewer.ts';
import type { ScoredUnitState } from '../../src/commands/scored-unit.ts';
import { board, deputy, lead, member, outsider } from './command-spec.ts';
import { northScheme } from './scheme-fixture.ts';

/** Cluster north in 2024: alpha leads, beta is the deputy, gamma and delta are plain members. */
export const membership = { clusterCode: 'north', lead: 'alpha', deputies: ['beta'] };

/** gamma has submitted version 2 of 2024-H1, which is open. */
export const submitted: ScoredUnitState = {
  membership,
  scheme: northScheme,
  period: { status: 'OPEN', deadline: '2024-07-10T10:00:00.000Z' },
  counted: { version: 2, indicators: { admitted: '90', advised: '80' }, returnedAt: null },
};

/** Who may review gamma: the board, the lead, a deputy. */
export const reviewers: [string, Actor][] = [
  ['the central board', board],
  ['the lead', lead],
  ['a deputy', deputy],
];

/** Who may not review gamma, and why. */
export const notReviewers: [string, Actor, string][] = [
  ['the unit itself', member, 'a unit cannot review itself'],
  [
    'another plain member',
    unitStaff('delta'),
    'delta is neither the lead nor a deputy of north this year',
  ],
  [
    'a unit of another cluster',
    outsider,
    'omega is neither the lead nor a deputy of north this year',
  ],
];

type Problem = Omit<SubmissionProblem, 'messageVi'>;
const malformed = (path: string) => ({ path, message: expect.any(String) as string });

/** What every review of a unit's period refuses before looking at the rest: state, command, problems. */
export const unitRefusals: [
  string,
  ScoredUnitState,
  { unitCode?: string; periodId?: string },
  Problem[],
][] = [
  [
    'a malformed unit code and period id',
    { ...submitted, membership: null },
    { unitCode: 'Gamma', periodId: '2024-Q1' },
    [malformed('unitCode'), malformed('periodId')],
  ],
  [
    'a unit in no cluster that year',
    { membership: null, scheme: null, period: null, counted: null },
    {},
    [{ path: 'unitCode', message: 'gamma is not a member of any cluster in 2024' }],
  ],
  [
    'a unit that has not submitted',
    { ...submitted, counted: null },
    {},
    [{ path: 'periodId', message: 'gamma has not submitted results for 2024-H1' }],
  ],
];
