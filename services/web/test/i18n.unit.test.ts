import { describe, expect, test } from 'vitest';
import { countdownIn, periodNameIn, translate } from '../src/i18n.ts';
import { parseMemberLines } from '../src/member-lines.ts';

describe('the English toggle', () => {
  test('Vietnamese is the text itself, with its values put in', () => {
    expect(translate('vi', 'Đã đóng kỳ {period}', { period: 'Cả năm 2027' })).toBe(
      'Đã đóng kỳ Cả năm 2027',
    );
  });

  test('English comes from the dictionary, with the same values', () => {
    expect(translate('en', 'Đã đóng kỳ {period}', { period: 'Year 2027' })).toBe(
      'Closed Year 2027',
    );
    expect(
      translate('en', 'Đã dời hạn nộp kỳ {period} đến {deadline}', {
        period: 'Year 2027',
        deadline: '30/12/2027 09:30',
      }),
    ).toBe('Moved the deadline of Year 2027 to 30/12/2027 09:30');
  });

  test('a text without an English line stays Vietnamese; an unknown name stays as written', () => {
    expect(translate('en', 'Chưa dịch câu này')).toBe('Chưa dịch câu này');
    expect(translate('vi', 'Kỳ {missing}')).toBe('Kỳ {missing}');
  });

  test('a countdown reads in English with the same figures, late or not', () => {
    expect(countdownIn('vi', 'còn 3 ngày 2 giờ')).toBe('còn 3 ngày 2 giờ');
    expect(countdownIn('en', 'còn 3 ngày 2 giờ')).toBe('3 d 2 h left');
    expect(countdownIn('en', 'quá hạn 5 giờ 12 phút')).toBe('late by 5 h 12 min');
  });

  test('periods are named in either language', () => {
    expect(periodNameIn('vi', '2027-H1')).toBe('6 tháng đầu năm 2027');
    expect(periodNameIn('en', '2027-H1')).toBe('First half of 2027');
    expect(periodNameIn('en', '2027-FY')).toBe('Year 2027');
  });
});

describe('member lines pasted into the cluster form', () => {
  test('reads code | name | merged-from, tabs from Excel as well, skipping blank lines', () => {
    expect(
      parseMemberLines(
        'ha-tinh | Ban Tổ chức Tỉnh ủy Hà Tĩnh\n\nninh-binh\tBan Tổ chức Tỉnh ủy Ninh Bình\tha-nam, nam-dinh\n',
      ),
    ).toEqual([
      { unitCode: 'ha-tinh', name: 'Ban Tổ chức Tỉnh ủy Hà Tĩnh', mergedFrom: [] },
      {
        unitCode: 'ninh-binh',
        name: 'Ban Tổ chức Tỉnh ủy Ninh Bình',
        mergedFrom: ['ha-nam', 'nam-dinh'],
      },
    ]);
  });

  test('a line without a name keeps it empty, for the API to refuse at the members field', () => {
    expect(parseMemberLines('lonely')).toEqual([{ unitCode: 'lonely', name: '', mergedFrom: [] }]);
  });
});
