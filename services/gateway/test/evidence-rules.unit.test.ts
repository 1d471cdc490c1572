import { describe, expect, test } from 'vitest';
import { cleanFileName } from '../src/evidence/rules.ts';

describe("an evidence file's name", () => {
  test.each([
    { name: 'Báo cáo kết nạp.pdf', is: 'Báo cáo kết nạp.pdf' },
    { name: 'C:\\Users\\vanthu\\Minh chứng 1.2.docx', is: 'Minh chứng 1.2.docx' },
    { name: '../../etc/passwd', is: 'passwd' },
    { name: 'a"b\r\nc\u0000.png', is: 'abc.png' },
    { name: '  ', is: 'minh-chung' },
    // Decomposed Vietnamese (as some systems send it) is kept composed.
    { name: 'Ba\u0301o ca\u0301o.pdf', is: 'Báo cáo.pdf' },
  ])('keeps "$is" of "$name"', ({ name, is }) => {
    expect(cleanFileName(name)).toBe(is);
  });

  test('is at most 200 characters', () => {
    expect(cleanFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(200);
  });
});
