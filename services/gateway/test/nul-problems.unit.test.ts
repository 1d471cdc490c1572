import { expect, test } from 'vitest';
import { nulProblems } from '../src/schema/results.ts';

test('finds the NUL character in nested arguments by path, and nothing in clean ones', () => {
  const args = {
    unitCode: 'ha-tinh',
    reason: 'a\u0000b',
    indicators: [
      { code: 'x', value: '1' },
      { code: 'y', value: '\u0000' },
    ],
    scheme: { criteria: [{ title: 'ok' }] },
  };
  expect(nulProblems(args).map((p) => p.path)).toEqual(['reason', 'indicators.1.value']);
  expect(nulProblems({ ...args, reason: 'ab', indicators: [] })).toEqual([]);
});
