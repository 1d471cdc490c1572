import { expect, test } from 'vitest';
import { unstorableProblems } from '../src/schema/results.ts';

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
  expect(unstorableProblems(args).map((p) => p.path)).toEqual(['reason', 'indicators.1.value']);
  expect(unstorableProblems({ ...args, reason: 'ab', indicators: [] })).toEqual([]);
});

test('finds a lone surrogate anywhere (a member name, a scheme title), not a paired one', () => {
  const args = {
    members: [{ unitCode: 's1', name: 'S\uD800' }],
    scheme: { criteria: [{ title: '\uDC00' }, { title: 'Cờ 🚩 \uD83D\uDEA9' }] },
  };
  expect(unstorableProblems(args)).toEqual([
    {
      path: 'members.0.name',
      message: 'may not contain a lone surrogate (half of a UTF-16 pair, not a character)',
      messageVi: 'Không được chứa nửa cặp thay thế UTF-16 đứng riêng (không phải một ký tự)',
    },
    {
      path: 'scheme.criteria.0.title',
      message: 'may not contain a lone surrogate (half of a UTF-16 pair, not a character)',
      messageVi: 'Không được chứa nửa cặp thay thế UTF-16 đứng riêng (không phải một ký tự)',
    },
  ]);
});
