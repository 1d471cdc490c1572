import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { decimal } from '../src/decimal.ts';
import { periodId, unitCode } from '../src/codes.ts';
import { vietnameseIssue } from '../src/issue-vi.ts';

const vietnameseOf = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return result.error.issues.map(vietnameseIssue);
};

describe('zod issues in Vietnamese', () => {
  test("the project's own checks give their registered Vietnamese, no English left in it", () => {
    expect(vietnameseOf(decimal, '-1')).toEqual([
      'Phải là số không âm, tối đa 2 chữ số thập phân (dấu chấm thập phân, ví dụ 12.5)',
    ]);
    expect(vietnameseOf(periodId, '2023-Q3')[0]).toMatch(/^Kỳ phải có dạng 2023-H1/);
    expect(vietnameseOf(unitCode, 'central')[0]).toMatch(/không dùng làm mã đơn vị/);
  });

  test("zod's built-in checks give zod's Vietnamese; a wrong type names the expected one", () => {
    const year = z.object({ year: z.number().int().min(2000), open: z.boolean() });
    expect(vietnameseOf(year, { year: 1999, open: 'yes' })).toEqual([
      'Quá nhỏ: mong đợi number >=2000',
      'Đầu vào không hợp lệ: cần kiểu boolean',
    ]);
  });

  test('a message carried in params wins', () => {
    const named = z.string().refine(() => false, { params: { messageVi: 'Lý do riêng' } });
    expect(vietnameseOf(named, 'x')).toEqual(['Lý do riêng']);
  });
});
