/**
 * A number typed the Vietnamese way as the API's decimal: `1.234,5` → `1234.5`, `9,04` → `9.04`.
 * Without a comma, dots that group thousands (`1.752`) are dropped and any other dot is the
 * decimal point (`9.04`), so values pasted from English sources still read right.
 */
export function parseVietnameseDecimal(typed: string): string {
  const text = typed.replace(/\s/g, '');
  if (text.includes(',')) return text.replace(/\./g, '').replace(',', '.');
  if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) return text.replace(/\./g, '');
  return text;
}
