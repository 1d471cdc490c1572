import { describe, expect, test } from 'vitest';
import { scheme as schemeModel, schemeProblems, type SchemeInput } from '../src/scheme.ts';

const base: SchemeInput = {
  code: 'cum-1-2027',
  year: 2027,
  title: 'Bảng chấm điểm thi đua Cụm số 1 năm 2027',
  indicators: [
    { code: 'admitted', title: 'Đảng viên mới', kind: 'COUNT', maxValue: '30000' },
    { code: 'income', title: 'Thu nhập bình quân', kind: 'DECIMAL', maxValue: '500' },
    { code: 'trained', title: 'Tỷ lệ bồi dưỡng', kind: 'PERCENT' },
    { code: 'filed', title: 'Báo cáo đúng hạn', kind: 'YES_NO' },
  ],
  headings: [
    {
      code: 'I',
      title: 'Nhiệm vụ chính trị',
      criteria: [
        {
          code: '1.1',
          title: 'Kết nạp đảng viên',
          maxPoints: '100',
          method: 'COUNT',
          indicator: 'admitted',
          pointsPerItem: '1',
        },
      ],
    },
  ],
};

describe("an indicator's roll-up", () => {
  test("defaults to its kind's: sum, sum, average, yes count", () => {
    expect(schemeModel.parse(base).indicators.map((i) => i.rollUp)).toEqual([
      'SUM',
      'SUM',
      'AVERAGE',
      'YES_COUNT',
    ]);
  });

  test('may average a count or a decimal', () => {
    const [admitted, income, ...rest] = base.indicators;
    const parsed = schemeModel.parse({
      ...base,
      indicators: [{ ...admitted, rollUp: 'AVERAGE' }, { ...income, rollUp: 'AVERAGE' }, ...rest],
    });
    expect(parsed.indicators.map((i) => i.rollUp)).toEqual([
      'AVERAGE',
      'AVERAGE',
      'AVERAGE',
      'YES_COUNT',
    ]);
  });

  test('refuses a sum of percentages and an average of yes/no answers', () => {
    const parsed = schemeModel.safeParse({
      ...base,
      indicators: [
        { code: 'trained', title: 'Tỷ lệ bồi dưỡng', kind: 'PERCENT', rollUp: 'SUM' },
        { code: 'filed', title: 'Báo cáo đúng hạn', kind: 'YES_NO', rollUp: 'AVERAGE' },
      ],
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'indicators.0.rollUp',
      'indicators.1.rollUp',
    ]);
  });
});

describe('the classification bands', () => {
  test('default to 90 / 70 / 50 percent of maxTotal, so an older scheme still parses', () => {
    const parsed = schemeModel.parse(base);
    expect(parsed.bands).toEqual({ XUAT_SAC: 90, TOT: 70, HOAN_THANH: 50 });
    expect(schemeProblems(parsed)).toEqual([]);
  });

  test('are whole percentages from 1 to 100', () => {
    const parsed = schemeModel.safeParse({
      ...base,
      bands: { XUAT_SAC: 100.5, TOT: 70, HOAN_THANH: 0 },
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'bands.XUAT_SAC',
      'bands.HOAN_THANH',
    ]);
  });

  test('must fall strictly from XUAT_SAC to HOAN_THANH, said in both languages', () => {
    const parsed = schemeModel.parse({ ...base, bands: { XUAT_SAC: 90, TOT: 90, HOAN_THANH: 50 } });
    expect(schemeProblems(parsed)).toEqual([
      {
        path: 'bands',
        message:
          'The classification bands must fall strictly from XUAT_SAC to TOT to HOAN_THANH, got 90 / 90 / 50',
        messageVi:
          'Ngưỡng xếp loại phải giảm dần từ Xuất sắc đến Tốt đến Hoàn thành, đã nhập 90 / 90 / 50',
      },
    ]);
  });
});
