/** Names in Vietnamese order (Đ after D, tones after the bare letter). */
export const vietnameseOrder = new Intl.Collator('vi').compare;

/** `2023-H1` → `6 tháng đầu năm 2023`, `2023-FY` → `Cả năm 2023`. */
export function periodLabel(periodId: string): string {
  const [year = '', part = ''] = periodId.split('-');
  if (part === 'H1') return `6 tháng đầu năm ${year}`;
  if (part === 'FY') return `Cả năm ${year}`;
  return periodId;
}

export const classificationLabels: Record<string, string> = {
  XUAT_SAC: 'Xuất sắc',
  TOT: 'Tốt',
  HOAN_THANH: 'Hoàn thành',
  KHONG_HOAN_THANH: 'Không hoàn thành',
};

const hanoi = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function hanoiParts(moment: Date): Record<string, string> {
  return Object.fromEntries(hanoi.formatToParts(moment).map((part) => [part.type, part.value]));
}

/** `20/12/2023 14:05`, in Hanoi time. */
export function hanoiDateTime(moment: Date): string {
  const p = hanoiParts(moment);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `20/12/2023`, the day in Hanoi. */
export function hanoiDate(moment: Date): string {
  const p = hanoiParts(moment);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `ngày 20 tháng 12 năm 2023`, in Hanoi time, as a document's place and date line writes it. */
export function longDate(moment: Date): string {
  const p = hanoiParts(moment);
  return `ngày ${Number(p.day)} tháng ${Number(p.month)} năm ${p.year}`;
}
