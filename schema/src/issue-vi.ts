import { z } from 'zod';

/**
 * The Vietnamese of the project's own refusal texts, by their English text: zod carries one
 * message per check (and no params on a regex or a bound), so each check names its English text
 * through `withVietnamese` and the Vietnamese is found here when the issue is reported.
 */
const vietnameseOf = new Map<string, string>();

/** Registers the Vietnamese of a check's English message and gives the English back for zod. */
export function withVietnamese(message: string, messageVi: string): string {
  vietnameseOf.set(message, messageVi);
  return message;
}

const vietnameseLocale = z.locales.vi();

/**
 * An issue of zod in Vietnamese: the one it carries (`params.messageVi`), the one registered for
 * the project's own message, or zod's own Vietnamese for its built-in checks.
 */
export function vietnameseIssue(issue: z.core.$ZodIssue): string {
  const params: unknown = 'params' in issue ? issue.params : undefined;
  if (typeof params === 'object' && params !== null && 'messageVi' in params) {
    return String(params.messageVi);
  }
  const registered = vietnameseOf.get(issue.message);
  if (registered !== undefined) return registered;
  // The reported issue no longer holds its input, so zod's "received …" would read "undefined".
  if (issue.code === 'invalid_type') return `Đầu vào không hợp lệ: cần kiểu ${issue.expected}`;
  const localized = vietnameseLocale.localeError(issue as z.core.$ZodRawIssue);
  const text = typeof localized === 'string' ? localized : localized?.message;
  return text ?? `Giá trị không hợp lệ (${issue.message})`;
}
