import { z } from 'zod';

/** Why a text is refused, in English and Vietnamese. */
export interface TextProblem {
  message: string;
  messageVi: string;
}

/** `U+202E` for a character. */
const codePoint = (character: string): string =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What PostgreSQL cannot store in text or jsonb, wherever it occurs: the NUL character, and half of
 * a UTF-16 surrogate pair on its own (which is no character at all).
 */
export function unstorableText(value: string): TextProblem | null {
  if (value.includes('\u0000')) {
    return {
      message: 'may not contain the NUL character (U+0000)',
      messageVi: 'Không được chứa ký tự NUL (U+0000)',
    };
  }
  if (loneSurrogate.test(value)) {
    return {
      message: 'may not contain a lone surrogate (half of a UTF-16 pair, not a character)',
      messageVi: 'Không được chứa nửa cặp thay thế UTF-16 đứng riêng (không phải một ký tự)',
    };
  }
  return null;
}

/** Embeddings, overrides and isolates, which can make stored text display in another order. */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/u;
/** C0 and C1 control characters, and DEL. */
const control = /\p{Cc}/u;
/** The same, but line feeds and tabs, which lay out a reason of several lines. */
const controlButLayout = /(?![\n\t])\p{Cc}/u;
/** Whitespace and the characters that show nothing (zero-width space, joiners, word joiner, BOM). */
const invisible = /[\s\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * Names and reasons are shown to people: in tables, on decisions, in exports. A name is one line;
 * a reason may run over several lines (line feeds and tabs), as the explanation of a decision or a
 * review often does. Neither may hold other control characters, bidirectional controls (which can
 * make a reason read differently from what is stored), or only invisible characters (which would
 * pass for "a reason was given").
 */
export type HumanTextKind = 'name' | 'reason';

const required: Record<HumanTextKind, TextProblem> = {
  name: {
    message: 'is required: it may not be empty or only spaces and invisible characters',
    messageVi: 'Bắt buộc: không được để trống hoặc chỉ gồm khoảng trắng, ký tự ẩn',
  },
  reason: {
    message: 'a reason is required: it may not be empty or only spaces and invisible characters',
    messageVi: 'Cần nêu lý do: không được để trống hoặc chỉ gồm khoảng trắng, ký tự ẩn',
  },
};

/** What is wrong with a name or a reason, or null when nothing is. */
export function humanTextProblem(value: string, kind: HumanTextKind): TextProblem | null {
  const unstorable = unstorableText(value);
  if (unstorable !== null) return unstorable;
  const controlCharacter = (kind === 'name' ? control : controlButLayout).exec(value)?.[0];
  if (controlCharacter !== undefined) {
    const allowed = kind === 'name' ? '' : ' (line feeds and tabs are allowed)';
    const allowedVi = kind === 'name' ? '' : ' (được xuống dòng và dùng tab)';
    return {
      message: `may not contain the control character ${codePoint(controlCharacter)}${allowed}`,
      messageVi: `Không được chứa ký tự điều khiển ${codePoint(controlCharacter)}${allowedVi}`,
    };
  }
  const bidi = bidiControl.exec(value)?.[0];
  if (bidi !== undefined) {
    return {
      message: `may not contain the bidirectional control ${codePoint(bidi)}, which can make text display in another order than it is stored`,
      messageVi: `Không được chứa ký tự điều khiển hướng văn bản ${codePoint(bidi)}, vì nó có thể làm văn bản hiển thị khác thứ tự được lưu`,
    };
  }
  if (value.replace(invisible, '') === '') return required[kind];
  return null;
}

const humanText = (kind: HumanTextKind) =>
  z.string().superRefine((value, context) => {
    const problem = humanTextProblem(value, kind);
    if (problem !== null) {
      context.addIssue({
        code: 'custom',
        message: problem.message,
        params: { messageVi: problem.messageVi },
      });
    }
  });

/** A name people read: of a cluster, a unit, a signer; a decision's number. One line of visible text. */
export const humanName = humanText('name');

/** A reason people read: of a review, a bonus or deduction, a decision. Visible text, lines allowed. */
export const humanReason = humanText('reason');
