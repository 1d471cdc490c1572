import { describe, expect, test } from 'vitest';
import { humanName, humanReason, unstorableText } from '../src/text.ts';

/** The English and Vietnamese messages zod reports for `value`, or [] when it passes. */
function refusals(schema: typeof humanName, value: string) {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        message: issue.message,
        messageVi: (issue as { params?: { messageVi?: string } }).params?.messageVi,
      }));
}

describe('names and reasons people read', () => {
  test('accept Vietnamese text, emoji and reasons over several lines', () => {
    expect(refusals(humanName, 'Tỉnh ủy Hà Tĩnh')).toEqual([]);
    expect(refusals(humanName, 'Mô hình 👩‍💻 chuyển đổi số')).toEqual([]);
    expect(refusals(humanReason, 'Hồ sơ thiếu minh chứng:\n\t- biên bản\n\t- quyết định')).toEqual(
      [],
    );
  });

  test('refuse a lone surrogate, which PostgreSQL cannot store', () => {
    for (const value of ['S\uD800', '\uDC00x', 'a\uDBFFb']) {
      expect(refusals(humanName, value)).toEqual([
        {
          message: 'may not contain a lone surrogate (half of a UTF-16 pair, not a character)',
          messageVi: 'Không được chứa nửa cặp thay thế UTF-16 đứng riêng (không phải một ký tự)',
        },
      ]);
    }
    expect(unstorableText('a\uD83D\uDE00b')).toBeNull();
  });

  test('refuse NUL and other control characters, naming the character; a reason may break lines', () => {
    expect(refusals(humanReason, 'a\u0000b')[0]?.message).toBe(
      'may not contain the NUL character (U+0000)',
    );
    expect(refusals(humanName, 'Hà\u0007Tĩnh')).toEqual([
      {
        message: 'may not contain the control character U+0007',
        messageVi: 'Không được chứa ký tự điều khiển U+0007',
      },
    ]);
    expect(refusals(humanName, 'Hà\nTĩnh')[0]?.message).toBe(
      'may not contain the control character U+000A',
    );
    expect(refusals(humanReason, 'dòng 1\r\ndòng 2')[0]?.message).toBe(
      'may not contain the control character U+000D (line feeds and tabs are allowed)',
    );
    expect(refusals(humanReason, 'x\u009By')[0]?.message).toMatch(/U\+009B/);
    expect(refusals(humanReason, 'x\u007Fy')[0]?.message).toMatch(/U\+007F/);
  });

  test('refuse bidirectional embeddings, overrides and isolates', () => {
    for (const bidi of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2069']) {
      const [refusal] = refusals(humanReason, `điểm trừ ${bidi}01.5`);
      expect(refusal?.message).toMatch(/^may not contain the bidirectional control U\+20/);
      expect(refusal?.messageVi).toMatch(/^Không được chứa ký tự điều khiển hướng văn bản/);
    }
  });

  test('refuse text that is empty once spaces and invisible characters are removed', () => {
    for (const value of ['', '   ', '\u200B', '\u200B\u200C\u200D', ' \u2060\uFEFF\u00A0\n\t']) {
      expect(refusals(humanReason, value)).toEqual([
        {
          message:
            'a reason is required: it may not be empty or only spaces and invisible characters',
          messageVi: 'Cần nêu lý do: không được để trống hoặc chỉ gồm khoảng trắng, ký tự ẩn',
        },
      ]);
    }
    expect(refusals(humanName, '\u200B')[0]?.message).toMatch(/^is required: it may not be empty/);
  });
});
