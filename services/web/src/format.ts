/** Vietnamese display of the API's values: exact decimals, Hanoi time, movement, names. */

export const timeZone = 'Asia/Ho_Chi_Minh';

/**
 * An exact decimal string of the API ("1234.5", "-3.25") as Vietnamese write it: `1.234,50`.
 * The digits are regrouped as text, never through a binary float.
 */
export function formatDecimal(value: string | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || value === '') return '–';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (match === null) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const padded = fraction.padEnd(decimals, '0');
  const shown = decimals === 0 ? '' : `,${padded}`;
  const isZero = /^0*$/.test(whole + fraction);
  return `${isZero ? '' : sign}${grouped}${shown}`;
}

/** A count with thousands grouped: 16542 → `16.542`. */
export const formatCount = (value: number): string => formatDecimal(String(value), 0);

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function hanoiParts(instant: Date): Record<string, string> {
  return Object.fromEntries(
    dateTimeParts.formatToParts(instant).map((part) => [part.type, part.value]),
  );
}

/** An instant as `20/12/2023 17:00` in Hanoi time, whatever the browser's own zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '–';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = hanoiParts(instant);
  return `${p.day ?? ''}/${p.month ?? ''}/${p.year ?? ''} ${p.hour ?? ''}:${p.minute ?? ''}`;
}

/** An instant's day as `20/12/2023` in Hanoi time. */
export const formatDate = (iso: string | null | undefined): string =>
  formatDateTime(iso).split(' ')[0] ?? '–';

/** A file's size as `12 KB` (rounded up, so a small file never shows as 0). */
export const formatFileSize = (bytes: number): string =>
  bytes < 1024 ? `${formatCount(bytes)} B` : `${formatCount(Math.ceil(bytes / 1024))} KB`;

/**
 * A moment typed as Vietnamese write it, `6/7/2023 12:00` or `06/07/2023` (midnight), read in
 * Hanoi time (UTC+7, no daylight saving) as the API's DateTime; null when it is no such moment.
 */
export function parseHanoiDateTime(typed: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(typed.trim());
  if (match === null) return null;
  const [, day = '', month = '', year = '', hour = '0', minute = '00'] = match;
  const two = (part: string) => part.padStart(2, '0');
  const iso = `${year}-${two(month)}-${two(day)}T${two(hour)}:${minute}:00+07:00`;
  const instant = new Date(iso);
  // 31/02 or 25:00 would roll over into another moment: refuse them instead.
  if (
    Number.isNaN(instant.getTime()) ||
    formatDateTime(iso) !== `${two(day)}/${two(month)}/${year} ${two(hour)}:${minute}`
  ) {
    return null;
  }
  return iso;
}

/** Places gained or lost since the previous standings: `▲ 2`, `▼ 1`, `–` unchanged, `mới` new. */
export function formatMovement(movement: number | null | undefined): {
  text: string;
  label: string;
  kind: 'up' | 'down' | 'same' | 'new';
} {
  if (movement === null || movement === undefined) {
    return { text: 'mới', label: 'Mới vào bảng xếp hạng', kind: 'new' };
  }
  if (movement > 0) return { text: `▲ ${movement}`, label: `Tăng ${movement} bậc`, kind: 'up' };
  if (movement < 0) {
    return { text: `▼ ${-movement}`, label: `Giảm ${-movement} bậc`, kind: 'down' };
  }
  return { text: '–', label: 'Giữ nguyên', kind: 'same' };
}

/**
 * The time left before a deadline, or how late it is past it: `còn 2 ngày 3 giờ`,
 * `còn 45 phút`, `quá hạn 1 ngày 2 giờ`.
 */
export function formatCountdown(deadline: Date, now: Date): { text: string; late: boolean } {
  const ms = deadline.getTime() - now.getTime();
  const late = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts =
    days > 0
      ? [`${days} ngày`, ...(hours > 0 ? [`${hours} giờ`] : [])]
      : hours > 0
        ? [`${hours} giờ`, ...(rest > 0 ? [`${rest} phút`] : [])]
        : [`${rest} phút`];
  return { text: `${late ? 'quá hạn' : 'còn'} ${parts.join(' ')}`, late };
}

/** Vietnamese collation: Đ after D, tones after the bare letter. */
export const vietnameseCollator = new Intl.Collator('vi');

export const byVietnameseName = <T extends { name: string }>(a: T, b: T): number =>
  vietnameseCollator.compare(a.name, b.name);

const classificationNames: Record<string, string> = {
  XUAT_SAC: 'Xuất sắc',
  TOT: 'Tốt',
  HOAN_THANH: 'Hoàn thành',
  KHONG_HOAN_THANH: 'Không hoàn thành',
};

/** A classification (xếp loại) in words. */
export const classificationName = (code: string | null | undefined): string =>
  code === null || code === undefined ? '–' : (classificationNames[code] ?? code);

const roleNames: Record<string, string> = {
  LEAD: 'Cụm trưởng',
  DEPUTY: 'Cụm phó',
  MEMBER: 'Thành viên',
};

export const roleName = (role: string): string => roleNames[role] ?? role;

/** `2023-H1` → `6 tháng đầu năm 2023`, `2023-FY` → `Cả năm 2023`. */
export function periodName(periodId: string): string {
  const [year, part] = periodId.split('-');
  if (part === 'H1') return `6 tháng đầu năm ${year ?? ''}`;
  if (part === 'FY') return `Cả năm ${year ?? ''}`;
  return periodId;
}

export const periodYear = (periodId: string): number => Number(periodId.slice(0, 4));

const formulaWords: Record<string, string> = {
  'self-score': 'tự chấm',
  reviewed: 'thẩm định',
  target: 'chỉ tiêu',
  best: 'tốt nhất cụm',
};

/**
 * A criterion's formula as the API explains it (`min(5.00, 14 × 0.5) = 5.00`,
 * `reviewed 5.00 (self-score 6.00) = 5.00`) written the Vietnamese way: `min(5,00; 14 × 0,5) = 5,00`,
 * `thẩm định 5,00 (tự chấm 6,00) = 5,00`. Each number keeps its own decimals; the argument
 * separator becomes `;`, since the comma is now the decimal mark. In English the API's own words
 * stay, with the numbers still written the Vietnamese way: `reviewed 5,00 (self-score 6,00) = 5,00`.
 */
export function formatFormula(formula: string, language: 'vi' | 'en' = 'vi'): string {
  const numbers = formula
    .replace(/,\s/g, '; ')
    .replace(/\d+(?:\.\d+)?/g, (number) =>
      formatDecimal(number, number.split('.')[1]?.length ?? 0),
    );
  return language === 'en'
    ? numbers
    : numbers.replace(/self-score|reviewed|target|best/g, (word) => formulaWords[word] ?? word);
}
