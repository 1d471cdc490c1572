import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatFormula } from '../src/format.ts';
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

  test('a text whose English depends on its place carries its sense, never shown', () => {
    expect(translate('en', 'Chỉ tiêu')).toBe('Indicator');
    expect(translate('en', 'Chỉ tiêu|mức')).toBe('Target');
    expect(translate('vi', 'Chỉ tiêu|mức')).toBe('Chỉ tiêu');
    expect(translate('en', 'Trả lại để giải trình')).toBe('Returned for explanation');
    expect(translate('en', 'Trả lại để giải trình|nút')).toBe('Return for explanation');
    expect(translate('vi', 'Chưa dịch|nơi nào đó')).toBe('Chưa dịch');
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

/** Letters Vietnamese has and English has not. */
const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('the pages turned to English', () => {
  const pages = [
    'pages/sign-in.tsx',
    'pages/submit.tsx',
    'pages/scorecard.tsx',
    'pages/review.tsx',
    'pages/ranking-chart.tsx',
    'pages/flags.tsx',
    'pages/matrix.tsx',
    'pages/history.tsx',
    'pages/ranking.tsx',
    'charts/chart.tsx',
    'ui.tsx',
    'download.tsx',
    'app.tsx',
  ];
  const source = (page: string) =>
    readFileSync(new URL(`../src/${page}`, import.meta.url), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');

  test.each(pages)('every Vietnamese text of %s has an English line', (page) => {
    const texts = [...source(page).matchAll(/'((?:[^'\\\n]|\\.)*)'/g)]
      .map(([, text = '']) => text)
      .filter((text) => vietnamese.test(text));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => translate('en', text) === text)).toEqual([]);
  });

  test.each(pages)('%s writes no Vietnamese straight into its markup', (page) => {
    // Quoted texts are the dictionary's keys, checked above.
    const unquoted = source(page).replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    const written = [...unquoted.matchAll(/>([^<>{}]*)</g)]
      .map(([, text = '']) => text.trim())
      .filter((text) => vietnamese.test(text));
    const templates = [...unquoted.matchAll(/`([^`]*)`/g)]
      .map(([, text = '']) => text)
      .filter((text) => vietnamese.test(text));
    expect([...written, ...templates]).toEqual([]);
  });

  test('figures stay written the Vietnamese way in English', () => {
    expect(formatFormula('reviewed 5.00 (self-score 6.00) = 5.00', 'en')).toBe(
      'reviewed 5,00 (self-score 6,00) = 5,00',
    );
    expect(formatFormula('min(5.00, 14 × 0.5) = 5.00', 'en')).toBe('min(5,00; 14 × 0,5) = 5,00');
    expect(translate('en', '(tối đa {points} điểm)', { points: '5,00' })).toBe(
      '(at most 5,00 points)',
    );
    expect(
      translate('en', 'Bảng điểm · {unit} · {period}', {
        unit: 'Ban Tổ chức Tỉnh ủy W3',
        period: 'Year 2027',
      }),
    ).toBe('Scorecard · Ban Tổ chức Tỉnh ủy W3 · Year 2027');
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
