import { z } from 'zod';
import { withVietnamese } from './issue-vi.ts';

/** Codes are lower-case slugs: `ha-tinh`, `cum-2`. */
export const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    withVietnamese(
      'must be a lower-case code such as ha-tinh',
      'Phải là mã viết thường, không dấu, nối bằng gạch ngang, ví dụ ha-tinh',
    ),
  )
  .max(64);

/** Words that name a role, never a unit: `central` is the central board. */
export const reservedUnitCodes: readonly string[] = ['central'];

/**
 * A unit's code: a slug that is not a reserved word, so that no unit (from a cluster's definition,
 * a minted token or an identity provider's claim) can pass for the central board.
 */
export const unitCode = slug.refine((code) => !reservedUnitCodes.includes(code), {
  message: withVietnamese(
    'is reserved for a role and cannot name a unit',
    'Là từ dành cho một vai trò (Ban Tổ chức Trung ương), không dùng làm mã đơn vị',
  ),
});

/** A period is a year and a kind: `2023-H1` (semi-annual) or `2023-FY` (year-end). */
export const periodId = z
  .string()
  .regex(
    /^\d{4}-(H1|FY)$/,
    withVietnamese(
      'must look like 2023-H1 or 2023-FY',
      'Kỳ phải có dạng 2023-H1 (6 tháng) hoặc 2023-FY (cả năm)',
    ),
  );

export type PeriodId = z.infer<typeof periodId>;

/** A moment with its offset, e.g. `2026-12-15T17:00:00+07:00`, between the years 2000 and 2999. */
export const instant = z.iso.datetime({ offset: true }).refine(
  (value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 2000 && year <= 2999;
  },
  {
    message: withVietnamese(
      'must be between the years 2000 and 2999',
      'Thời điểm phải nằm trong các năm 2000 đến 2999',
    ),
  },
);
