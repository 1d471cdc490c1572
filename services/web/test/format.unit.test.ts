import { describe, expect, test } from 'vitest';
import {
  formatCountdown,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatDecimal,
  formatFormula,
  formatMovement,
  parseHanoiDateTime,
  vietnameseCollator,
} from '../src/format.ts';
import { parseVietnameseDecimal } from '../src/input.ts';

describe('Vietnamese formatting', () => {
  test('exact decimals get dots between thousands and a decimal comma', () => {
    expect(formatDecimal('1234.5')).toBe('1.234,50');
    expect(formatDecimal('16542', 0)).toBe('16.542');
    expect(formatDecimal('1234567.25')).toBe('1.234.567,25');
    expect(formatDecimal('-3.25')).toBe('-3,25');
    expect(formatDecimal('0.00')).toBe('0,00');
    expect(formatDecimal('100')).toBe('100,00');
    // far beyond a float's exact range: digits are regrouped, never rounded
    expect(formatDecimal('90071992547409931.01')).toBe('90.071.992.547.409.931,01');
    expect(formatDecimal(null)).toBe('–');
  });

  test('instants read in Hanoi time as dd/mm/yyyy hh:mm, whatever the zone they are written in', () => {
    expect(formatDateTime('2023-12-20T10:00:00Z')).toBe('20/12/2023 17:00');
    expect(formatDateTime('2023-12-20T17:00:00+07:00')).toBe('20/12/2023 17:00');
    expect(formatDateTime('2026-12-15T23:30:00+07:00')).toBe('15/12/2026 23:30');
    expect(formatDateTime('2023-12-31T20:00:00Z')).toBe('01/01/2024 03:00');
  });

  test('a moment typed as dd/mm/yyyy hh:mm is read in Hanoi time', () => {
    expect(parseHanoiDateTime('20/12/2023 17:00')).toBe('2023-12-20T17:00:00+07:00');
    expect(parseHanoiDateTime(' 6/7/2023 9:05 ')).toBe('2023-07-06T09:05:00+07:00');
    expect(parseHanoiDateTime('06/07/2023')).toBe('2023-07-06T00:00:00+07:00');
    expect(parseHanoiDateTime('31/02/2023 10:00')).toBeNull();
    expect(parseHanoiDateTime('20/12/2023 25:00')).toBeNull();
    expect(parseHanoiDateTime('2023-12-20')).toBeNull();
    expect(parseHanoiDateTime('')).toBeNull();
  });

  test('movement since the previous standings', () => {
    expect(formatMovement(2)).toMatchObject({ text: '▲ 2', kind: 'up' });
    expect(formatMovement(-1)).toMatchObject({ text: '▼ 1', kind: 'down' });
    expect(formatMovement(0)).toMatchObject({ text: '–', kind: 'same' });
    expect(formatMovement(null)).toMatchObject({ text: 'mới', kind: 'new' });
  });

  test('countdown before the deadline, lateness after it', () => {
    const deadline = new Date('2026-12-15T17:00:00+07:00');
    expect(formatCountdown(deadline, new Date('2026-12-13T14:00:00+07:00'))).toEqual({
      text: 'còn 2 ngày 3 giờ',
      late: false,
    });
    expect(formatCountdown(deadline, new Date('2026-12-15T16:15:00+07:00')).text).toBe(
      'còn 45 phút',
    );
    expect(formatCountdown(deadline, new Date('2026-12-16T19:00:00+07:00'))).toEqual({
      text: 'quá hạn 1 ngày 2 giờ',
      late: true,
    });
  });

  test('names sort in Vietnamese order: Đ after D, and tones after the bare letter', () => {
    const names = ['Đồng Nai', 'Điện Biên', 'Dak Lak', 'An Giang', 'Bắc Ninh', 'Bạc Liêu'];
    expect([...names].sort(vietnameseCollator.compare)).toEqual([
      'An Giang',
      'Bạc Liêu',
      'Bắc Ninh',
      'Dak Lak',
      'Điện Biên',
      'Đồng Nai',
    ]);
  });

  test('numbers typed the Vietnamese way become the API decimals', () => {
    expect(parseVietnameseDecimal('9,04')).toBe('9.04');
    expect(parseVietnameseDecimal('1.752')).toBe('1752');
    expect(parseVietnameseDecimal('1.234,5')).toBe('1234.5');
    expect(parseVietnameseDecimal(' 20.50 ')).toBe('20.50');
    expect(parseVietnameseDecimal('97')).toBe('97');
  });

  test("a criterion's formula is written with decimal commas, grouped thousands and Vietnamese words", () => {
    expect(formatFormula('min(5.00, 14 × 0.5) = 5.00')).toBe('min(5,00; 14 × 0,5) = 5,00');
    expect(formatFormula('4.00 × 1752 / 2958 = 2.37')).toBe('4,00 × 1.752 / 2.958 = 2,37');
    expect(formatFormula('reviewed 5.00 (self-score 6.00) = 5.00')).toBe(
      'thẩm định 5,00 (tự chấm 6,00) = 5,00',
    );
    expect(formatFormula('97 ≥ 90 → 3.00')).toBe('97 ≥ 90 → 3,00');
    expect(formatFormula('best 0 = 0 → 3.00')).toBe('tốt nhất cụm 0 = 0 → 3,00');
  });

  test("a day is Hanoi's day, and a file's size is in bytes or whole kilobytes rounded up", () => {
    // 20:00 UTC is already the next day in Hanoi.
    expect(formatDate('2023-12-20T20:00:00Z')).toBe('21/12/2023');
    expect(formatDate(null)).toBe('–');
    expect(formatFileSize(77)).toBe('77 B');
    expect(formatFileSize(1024)).toBe('1 KB');
    expect(formatFileSize(1025)).toBe('2 KB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10.240 KB');
  });
});
