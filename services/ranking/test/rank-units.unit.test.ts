import type { StandingEntry, TieBreak } from '@thidua/schema';
import { describe, expect, test } from 'vitest';
import { type Member, type RankableScorecard, rankUnits } from '../src/rank-units.ts';

const allTieBreaks: TieBreak[] = ['CRITERIA_SUM', 'DEDUCTIONS', 'SUBMITTED_AT'];

/** Provinces whose code-point order differs from Vietnamese collation (Đ sorts after D, not after Z). */
const names: Record<string, string> = {
  'an-giang': 'An Giang',
  'bac-giang': 'Bắc Giang',
  'bac-ninh': 'Bắc Ninh',
  'ca-mau': 'Cà Mau',
  'da-nang': 'Đà Nẵng',
  'dak-lak': 'Đắk Lắk',
  'dien-bien': 'Điện Biên',
  'ha-nam': 'Hà Nam',
};
const member = (unitCode: string): Member => ({ unitCode, name: names[unitCode] ?? unitCode });

function card(
  unitCode: string,
  total: string,
  more: Partial<Omit<RankableScorecard, 'unitCode' | 'total'>> = {},
): RankableScorecard {
  return {
    unitCode,
    total,
    criteriaSum: total,
    deductions: '0.00',
    submittedAt: '2023-07-09T10:00:00+07:00',
    classification: 'TOT',
    ...more,
  };
}

function previousEntry(unitCode: string, rank: number | null): StandingEntry {
  return {
    unitCode,
    unitName: names[unitCode] ?? unitCode,
    status: rank === null ? 'NOT_SUBMITTED' : 'RANKED',
    rank,
    total: null,
    criteriaSum: null,
    deductions: null,
    classification: null,
    submittedAt: null,
    movement: null,
  };
}

interface Row {
  name: string;
  members: string[];
  scorecards: RankableScorecard[];
  tieBreaks?: TieBreak[];
  previous?: StandingEntry[] | null;
  /** Each entry as `name rank` (rank `-` when not submitted), plus movement when checked. */
  expected: string[];
  movement?: (number | null)[];
}

const rows: Row[] = [
  {
    name: 'orders units by higher total first',
    members: ['an-giang', 'bac-ninh', 'ca-mau'],
    scorecards: [card('an-giang', '80'), card('bac-ninh', '92.5'), card('ca-mau', '85.01')],
    expected: ['Bắc Ninh 1', 'Cà Mau 2', 'An Giang 3'],
  },
  {
    name: 'compares totals exactly as decimals, not as text',
    members: ['an-giang', 'bac-ninh', 'ca-mau'],
    scorecards: [card('an-giang', '9.5'), card('bac-ninh', '10'), card('ca-mau', '9.49')],
    expected: ['Bắc Ninh 1', 'An Giang 2', 'Cà Mau 3'],
  },
  {
    name: 'breaks an equal total by higher criteriaSum',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [
      card('an-giang', '88', { criteriaSum: '89.99' }),
      card('bac-ninh', '88', { criteriaSum: '90' }),
    ],
    expected: ['Bắc Ninh 1', 'An Giang 2'],
  },
  {
    name: 'breaks equal total and criteriaSum by lower deductions',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [
      card('an-giang', '88', { criteriaSum: '90', deductions: '3' }),
      card('bac-ninh', '88', { criteriaSum: '90', deductions: '2.99' }),
    ],
    expected: ['Bắc Ninh 1', 'An Giang 2'],
  },
  {
    name: 'breaks equal total, criteriaSum and deductions by the earlier submission instant',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [
      // 08:00+07:00 is 01:00Z, earlier than 01:30Z although it sorts later as text.
      card('an-giang', '88', { deductions: '2', submittedAt: '2023-07-10T01:30:00Z' }),
      card('bac-ninh', '88', { deductions: '2', submittedAt: '2023-07-10T08:00:00+07:00' }),
    ],
    expected: ['Bắc Ninh 1', 'An Giang 2'],
  },
  {
    name: 'shares a rank after a tie surviving all four levels and skips the next (1, 2, 2, 4)',
    members: ['ca-mau', 'bac-ninh', 'bac-giang', 'an-giang'],
    scorecards: [
      card('an-giang', '70'),
      card('bac-ninh', '90'),
      card('ca-mau', '95'),
      card('bac-giang', '90'),
    ],
    expected: ['Cà Mau 1', 'Bắc Giang 2', 'Bắc Ninh 2', 'An Giang 4'],
  },
  {
    name: 'lists units sharing a rank in Vietnamese collation, Đ after D and before H',
    members: ['ha-nam', 'dien-bien', 'dak-lak', 'da-nang', 'ca-mau'],
    scorecards: ['ha-nam', 'dien-bien', 'dak-lak', 'da-nang', 'ca-mau'].map((unit) =>
      card(unit, '81.25', { deductions: '1', submittedAt: '2023-07-10T17:00:00+07:00' }),
    ),
    expected: ['Cà Mau 1', 'Đà Nẵng 1', 'Đắk Lắk 1', 'Điện Biên 1', 'Hà Nam 1'],
  },
  {
    name: 'treats the same instant written with different offsets as a tie',
    members: ['dien-bien', 'dak-lak'],
    scorecards: [
      card('dien-bien', '88', { submittedAt: '2023-07-10T10:00:00Z' }),
      card('dak-lak', '88', { submittedAt: '2023-07-10T17:00:00+07:00' }),
    ],
    expected: ['Đắk Lắk 1', 'Điện Biên 1'],
  },
  {
    name: 'leaves equal totals tied when the scheme has no tie-breaks',
    members: ['an-giang', 'bac-ninh', 'ca-mau'],
    scorecards: [
      card('an-giang', '88', { criteriaSum: '85', deductions: '0' }),
      card('bac-ninh', '88', { criteriaSum: '90', deductions: '2' }),
      card('ca-mau', '87'),
    ],
    tieBreaks: [],
    expected: ['An Giang 1', 'Bắc Ninh 1', 'Cà Mau 3'],
  },
  {
    name: 'skips criteriaSum when the scheme chain is only deductions',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [
      card('an-giang', '88', { criteriaSum: '85', deductions: '0' }),
      card('bac-ninh', '88', { criteriaSum: '90', deductions: '2' }),
    ],
    tieBreaks: ['DEDUCTIONS'],
    expected: ['An Giang 1', 'Bắc Ninh 2'],
  },
  {
    name: 'leaves units tied when they differ only in a tie-break the scheme dropped',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [
      card('an-giang', '88', { submittedAt: '2023-07-10T09:00:00+07:00' }),
      card('bac-ninh', '88', { submittedAt: '2023-07-09T09:00:00+07:00' }),
    ],
    tieBreaks: ['CRITERIA_SUM', 'DEDUCTIONS'],
    expected: ['An Giang 1', 'Bắc Ninh 1'],
  },
  {
    name: 'applies the scheme tie-breaks in the scheme order',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [
      card('an-giang', '88', { criteriaSum: '90', submittedAt: '2023-07-10T09:00:00+07:00' }),
      card('bac-ninh', '88', { criteriaSum: '85', submittedAt: '2023-07-09T09:00:00+07:00' }),
    ],
    tieBreaks: ['SUBMITTED_AT', 'CRITERIA_SUM'],
    expected: ['Bắc Ninh 1', 'An Giang 2'],
  },
  {
    name: 'lists members without a scorecard after the ranked units as NOT_SUBMITTED, by name',
    members: ['ha-nam', 'dien-bien', 'an-giang', 'da-nang'],
    scorecards: [card('an-giang', '10')],
    expected: ['An Giang 1', 'Đà Nẵng -', 'Điện Biên -', 'Hà Nam -'],
  },
  {
    name: 'lists every member as NOT_SUBMITTED when there are no scorecards',
    members: ['bac-ninh', 'an-giang'],
    scorecards: [],
    expected: ['An Giang -', 'Bắc Ninh -'],
  },
  {
    name: 'ignores scorecards of units that are not members',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [card('ca-mau', '99'), card('bac-ninh', '80'), card('an-giang', '70')],
    expected: ['Bắc Ninh 1', 'An Giang 2'],
  },
  {
    name: 'gives no movement when there are no previous standings',
    members: ['an-giang', 'bac-ninh'],
    scorecards: [card('an-giang', '80'), card('bac-ninh', '70')],
    previous: null,
    expected: ['An Giang 1', 'Bắc Ninh 2'],
    movement: [null, null],
  },
  {
    name: 'gives movement as previous rank minus new rank, null for units new to the ranking',
    members: ['an-giang', 'bac-ninh', 'ca-mau', 'dak-lak', 'ha-nam'],
    scorecards: [
      card('ca-mau', '95'),
      card('an-giang', '90'),
      card('bac-ninh', '85'),
      card('dak-lak', '80'),
    ],
    previous: [
      previousEntry('an-giang', 1),
      previousEntry('bac-ninh', 2),
      previousEntry('ca-mau', 3),
      previousEntry('dak-lak', null),
      previousEntry('ha-nam', 4),
    ],
    expected: ['Cà Mau 1', 'An Giang 2', 'Bắc Ninh 3', 'Đắk Lắk 4', 'Hà Nam -'],
    movement: [2, -1, -1, null, null],
  },
  {
    name: 'gives movement from a shared rank',
    members: ['an-giang', 'bac-ninh', 'ca-mau'],
    scorecards: [card('an-giang', '90'), card('bac-ninh', '90'), card('ca-mau', '95')],
    previous: [
      previousEntry('an-giang', 1),
      previousEntry('bac-ninh', 1),
      previousEntry('ca-mau', 3),
    ],
    expected: ['Cà Mau 1', 'An Giang 2', 'Bắc Ninh 2'],
    movement: [2, -1, -1],
  },
];

describe('rankUnits', () => {
  test.each(rows)('$name', (row) => {
    const entries = rankUnits(
      row.members.map(member),
      row.scorecards,
      row.tieBreaks ?? allTieBreaks,
      row.previous ?? null,
    );
    expect(entries.map((e) => `${e.unitName} ${e.rank === null ? '-' : String(e.rank)}`)).toEqual(
      row.expected,
    );
    expect(entries.map((e) => e.status)).toEqual(
      row.expected.map((text) => (text.endsWith(' -') ? 'NOT_SUBMITTED' : 'RANKED')),
    );
    if (row.movement !== undefined) expect(entries.map((e) => e.movement)).toEqual(row.movement);
  });

  test('fills a ranked entry from its scorecard and leaves a NOT_SUBMITTED entry empty', () => {
    const entries = rankUnits(
      [member('dak-lak'), member('ha-nam')],
      [
        card('dak-lak', '91.50', {
          criteriaSum: '93.00',
          deductions: '1.50',
          classification: 'XUAT_SAC',
          submittedAt: '2023-07-10T16:00:00+07:00',
        }),
      ],
      allTieBreaks,
      [previousEntry('dak-lak', 1)],
    );
    expect(entries).toEqual([
      {
        unitCode: 'dak-lak',
        unitName: 'Đắk Lắk',
        status: 'RANKED',
        rank: 1,
        total: '91.50',
        criteriaSum: '93.00',
        deductions: '1.50',
        classification: 'XUAT_SAC',
        submittedAt: '2023-07-10T16:00:00+07:00',
        movement: 0,
      },
      {
        unitCode: 'ha-nam',
        unitName: 'Hà Nam',
        status: 'NOT_SUBMITTED',
        rank: null,
        total: null,
        criteriaSum: null,
        deductions: null,
        classification: null,
        submittedAt: null,
        movement: null,
      },
    ]);
  });
});
