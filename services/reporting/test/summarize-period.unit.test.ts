import { describe, expect, test } from 'vitest';
import {
  type PeriodSummary,
  type SummaryScorecard,
  rollUp,
  summarizePeriod,
} from '../src/summarize-period.ts';

const names: Record<string, string> = {
  'an-giang': 'An Giang',
  'bac-ninh': 'Bắc Ninh',
  'ca-mau': 'Cà Mau',
  'da-nang': 'Đà Nẵng',
  'dak-lak': 'Đắk Lắk',
  'ha-noi': 'Hà Nội',
  hue: 'Huế',
  'lao-cai': 'Lào Cai',
};

function card(
  unitCode: string,
  total: string,
  more: Partial<Omit<SummaryScorecard, 'unitCode' | 'total'>> = {},
): SummaryScorecard {
  return {
    unitCode,
    unitName: names[unitCode] ?? unitCode,
    total,
    classification: 'TOT',
    onTime: true,
    indicators: {},
    ...more,
  };
}

/** The ten bands of a maxTotal of 100, with the given units in each. */
function bandsOf100(units: readonly number[]): PeriodSummary['distribution'] {
  return Array.from({ length: 10 }, (_, i) => ({
    from: `${i * 10}.00`,
    to: `${(i + 1) * 10}.00`,
    units: units[i] ?? 0,
  }));
}

/** The roll-ups of the indicators these tests use: a count summed, a rate averaged, a yes/no. */
const rollUps = new Map([
  ['adm', 'SUM'],
  ['newPartyMembersAdmitted', 'SUM'],
  ['rate', 'AVERAGE'],
  ['filed', 'YES_COUNT'],
] as const);

const noClassifications = { XUAT_SAC: 0, TOT: 0, HOAN_THANH: 0, KHONG_HOAN_THANH: 0 };

/** Cluster No. 2's 14 members in 2023, with party members admitted that add up to 16542. */
const admitted = [
  '1203',
  '1187',
  '1456',
  '998',
  '1342',
  '1075',
  '1261',
  '1119',
  '1388',
  '1024',
  '1297',
  '1150',
  '1233',
  '809',
];
const cluster2 = admitted.map((value, i) =>
  card(`unit-${String(i + 1).padStart(2, '0')}`, '75', {
    indicators: { newPartyMembersAdmitted: value },
  }),
);

interface SummaryRow {
  name: string;
  members: number;
  maxTotal?: string;
  scorecards: SummaryScorecard[];
  expected: Partial<PeriodSummary>;
}

const summaryRows: SummaryRow[] = [
  {
    name: 'reports every member missing, zero sums and a null average when no unit submitted',
    members: 9,
    scorecards: [],
    expected: {
      members: 9,
      submitted: 0,
      onTime: 0,
      late: 0,
      missing: 9,
      indicatorTotals: {},
      totalSum: '0.00',
      averageTotal: null,
      distribution: bandsOf100([]),
      classifications: noClassifications,
      leaders: [],
    },
  },
  {
    name: 'counts on-time and late submissions and the members that did not submit',
    members: 5,
    scorecards: [
      card('an-giang', '80', { onTime: true }),
      card('bac-ninh', '70', { onTime: false }),
      card('ca-mau', '60', { onTime: true }),
    ],
    expected: { members: 5, submitted: 3, onTime: 2, late: 1, missing: 2 },
  },
  {
    name: 'counts every submission late when none came by the deadline',
    members: 2,
    scorecards: [
      card('an-giang', '80', { onTime: false }),
      card('bac-ninh', '70', { onTime: false }),
    ],
    expected: { submitted: 2, onTime: 0, late: 2, missing: 0 },
  },
  {
    name: 'adds an indicator over 14 units exactly to 16542.00',
    members: 14,
    scorecards: cluster2,
    expected: {
      submitted: 14,
      indicatorTotals: { newPartyMembersAdmitted: '16542.00' },
      totalSum: '1050.00',
      averageTotal: '75.00',
    },
  },
  {
    name: 'adds decimal indicators exactly when binary floats would not (62.47 + 0.53, 0.1 + 0.2)',
    members: 2,
    scorecards: [
      card('an-giang', '80', { indicators: { insuranceCoverage: '62.47', tiny: '0.1' } }),
      card('bac-ninh', '70', { indicators: { insuranceCoverage: '0.53', tiny: '0.2' } }),
    ],
    expected: { indicatorTotals: { insuranceCoverage: '63.00', tiny: '0.30' } },
  },
  {
    name: 'sums each indicator over the units that reported it, with the codes in sorted order',
    members: 3,
    scorecards: [
      card('an-giang', '80', { indicators: { zeroPoverty: '3', '2.3': '1.5' } }),
      card('bac-ninh', '70', { indicators: { '1.1': '4', zeroPoverty: '2.25' } }),
      card('ca-mau', '60', { indicators: {} }),
    ],
    expected: { indicatorTotals: { '1.1': '4.00', '2.3': '1.50', zeroPoverty: '5.25' } },
  },
  {
    name: 'rounds an average of exactly .005 up (10.00 and 10.01 average 10.01)',
    members: 2,
    scorecards: [card('an-giang', '10.00'), card('bac-ninh', '10.01')],
    expected: { totalSum: '20.01', averageTotal: '10.01' },
  },
  {
    name: 'rounds an average below .005 down (30.01 / 3 averages 10.00)',
    members: 3,
    scorecards: [card('an-giang', '10'), card('bac-ninh', '10'), card('ca-mau', '10.01')],
    expected: { totalSum: '30.01', averageTotal: '10.00' },
  },
  {
    name: 'rounds an average above .005 up (0.02 / 3 averages 0.01)',
    members: 3,
    scorecards: [card('an-giang', '0.01'), card('bac-ninh', '0.01'), card('ca-mau', '0')],
    expected: { totalSum: '0.02', averageTotal: '0.01' },
  },
  {
    name: 'puts each total in its band: lower edges inside, upper edges in the next band',
    members: 10,
    scorecards: [
      card('u-00', '0.00'),
      card('u-01', '9.99'),
      card('u-02', '10.00'),
      card('u-03', '79.99'),
      card('u-04', '80.00'),
      card('u-05', '89.99'),
      card('u-06', '90.00'),
      card('u-07', '99.99'),
      card('u-08', '100.00'),
      card('u-09', '103.00'),
    ],
    expected: { distribution: bandsOf100([2, 1, 0, 0, 0, 0, 0, 1, 2, 4]) },
  },
  {
    name: 'closes the last band at a maxTotal that is not a multiple of 10 and counts bonus above it',
    members: 4,
    maxTotal: '95',
    scorecards: [card('u-1', '89.99'), card('u-2', '90'), card('u-3', '95'), card('u-4', '97.5')],
    expected: {
      distribution: [
        ...bandsOf100([0, 0, 0, 0, 0, 0, 0, 0, 1]).slice(0, 9),
        { from: '90.00', to: '95.00', units: 3 },
      ],
    },
  },
  {
    name: 'counts each classification as the scorecard states it, a disqualified 95.00 as TOT',
    members: 6,
    scorecards: [
      card('u-1', '95', { classification: 'XUAT_SAC' }),
      card('u-2', '95', { classification: 'TOT' }),
      card('u-3', '72', { classification: 'TOT' }),
      card('u-4', '55', { classification: 'HOAN_THANH' }),
      card('u-5', '49.99', { classification: 'KHONG_HOAN_THANH' }),
    ],
    expected: { classifications: { XUAT_SAC: 1, TOT: 2, HOAN_THANH: 1, KHONG_HOAN_THANH: 1 } },
  },
  {
    name: 'names the one unit with the highest total, compared exactly as decimals',
    members: 3,
    scorecards: [card('an-giang', '99.99'), card('bac-ninh', '100'), card('ca-mau', '9.5')],
    expected: { leaders: [{ unitCode: 'bac-ninh', unitName: 'Bắc Ninh', total: '100.00' }] },
  },
  {
    name: 'names every unit tied on the highest total, sorted by unitCode',
    members: 4,
    scorecards: [
      card('ha-noi', '92.5'),
      card('an-giang', '92.50'),
      card('da-nang', '92.49'),
      card('dak-lak', '92.5'),
    ],
    expected: {
      leaders: [
        { unitCode: 'an-giang', unitName: 'An Giang', total: '92.50' },
        { unitCode: 'dak-lak', unitName: 'Đắk Lắk', total: '92.50' },
        { unitCode: 'ha-noi', unitName: 'Hà Nội', total: '92.50' },
      ],
    },
  },
  {
    name: 'names every submitted unit as leader when all totals are 0.00',
    members: 2,
    scorecards: [card('bac-ninh', '0'), card('an-giang', '0.00')],
    expected: {
      leaders: [
        { unitCode: 'an-giang', unitName: 'An Giang', total: '0.00' },
        { unitCode: 'bac-ninh', unitName: 'Bắc Ninh', total: '0.00' },
      ],
      averageTotal: '0.00',
    },
  },
];

describe('summarizePeriod', () => {
  test.each(summaryRows)('$name', (row) => {
    const summary = summarizePeriod(row.members, row.maxTotal ?? '100', row.scorecards, rollUps);
    const picked = Object.fromEntries(
      Object.keys(row.expected).map((key) => [key, summary[key as keyof PeriodSummary]]),
    );
    expect(picked).toEqual(row.expected);
    if (row.expected.indicatorTotals !== undefined) {
      expect(Object.entries(summary.indicatorTotals)).toEqual(
        Object.entries(row.expected.indicatorTotals),
      );
    }
    expect(summary.onTime + summary.late).toBe(summary.submitted);
    expect(summary.submitted + summary.missing).toBe(summary.members);
    expect(summary.distribution.reduce((sum, band) => sum + band.units, 0)).toBe(summary.submitted);
  });

  const invalidRows: {
    name: string;
    members: number;
    maxTotal?: string;
    scorecards: SummaryScorecard[];
    error: RegExp;
  }[] = [
    {
      name: 'rejects a unit counted twice',
      members: 3,
      scorecards: [card('an-giang', '80'), card('bac-ninh', '70'), card('an-giang', '60')],
      error: /"an-giang" has more than one counted scorecard/,
    },
    {
      name: 'rejects more scorecards than members',
      members: 1,
      scorecards: [card('an-giang', '80'), card('bac-ninh', '70')],
      error: /2 scorecards counted for a period with 1 members/,
    },
    {
      name: 'rejects a maxTotal of zero',
      members: 1,
      maxTotal: '0',
      scorecards: [],
      error: /maxTotal must be positive/,
    },
    {
      name: 'rejects a negative member count',
      members: -1,
      scorecards: [],
      error: /memberCount must be a non-negative integer/,
    },
    {
      name: 'rejects a negative total',
      members: 1,
      scorecards: [card('an-giang', '-1.00')],
      error: /total of "an-giang"/,
    },
    {
      name: 'rejects a total with more than 2 decimals',
      members: 1,
      scorecards: [card('an-giang', '12.345')],
      error: /"12.345"/,
    },
    {
      name: 'rejects a negative indicator value',
      members: 1,
      scorecards: [card('an-giang', '80', { indicators: { newPartyMembersAdmitted: '-3' } })],
      error: /indicator newPartyMembersAdmitted/,
    },
  ];

  test.each(invalidRows)('$name with a RangeError', (row) => {
    const summarize = () =>
      summarizePeriod(row.members, row.maxTotal ?? '100', row.scorecards, rollUps);
    expect(summarize).toThrow(RangeError);
    expect(summarize).toThrow(row.error);
  });
});

/** Deterministic pseudo-random scorecards from a seed, in integer arithmetic only. */
function generatedClusters(seed: bigint, sizes: readonly number[]): Cluster[] {
  let state = seed;
  const next = (bound: number): number => {
    state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    return Number((state >> 33n) % BigInt(bound));
  };
  const classifications = ['XUAT_SAC', 'TOT', 'HOAN_THANH', 'KHONG_HOAN_THANH'] as const;
  return sizes.map((size, c) => {
    const scorecards = Array.from({ length: next(size + 1) }, (_, i) => {
      const hundredths = next(10_600);
      const indicators: Record<string, string> = {};
      if (next(2) === 0) indicators['adm'] = String(next(2000));
      if (next(2) === 0) indicators['rate'] = `${next(100)}.${String(next(100)).padStart(2, '0')}`;
      if (next(2) === 0) indicators['filed'] = String(next(2));
      return card(
        `c${c}-u${i}`,
        `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`,
        {
          onTime: next(3) !== 0,
          classification: classifications[next(4)] ?? 'TOT',
          indicators,
        },
      );
    });
    return { members: size, scorecards };
  });
}

interface Cluster {
  members: number;
  scorecards: SummaryScorecard[];
}

interface RollUpRow {
  name: string;
  maxTotal?: string;
  clusters: Cluster[];
}

const rollUpRows: RollUpRow[] = [
  {
    name: 'two clusters with different indicators and a leader tied across them',
    clusters: [
      {
        members: 3,
        scorecards: [
          card('an-giang', '92.5', { indicators: { rate: '62.47' } }),
          card('bac-ninh', '80', { onTime: false, indicators: { adm: '12' } }),
        ],
      },
      {
        members: 4,
        scorecards: [
          card('ha-noi', '92.50', { classification: 'XUAT_SAC', indicators: { rate: '0.53' } }),
          card('hue', '61', { classification: 'HOAN_THANH' }),
          card('lao-cai', '10.01', { classification: 'KHONG_HOAN_THANH', onTime: false }),
        ],
      },
    ],
  },
  {
    name: 'a cluster where nobody submitted and one where somebody did',
    clusters: [
      { members: 5, scorecards: [] },
      { members: 2, scorecards: [card('ca-mau', '100'), card('dak-lak', '103')] },
    ],
  },
  {
    name: 'two clusters where nobody submitted',
    clusters: [
      { members: 5, scorecards: [] },
      { members: 9, scorecards: [] },
    ],
  },
  {
    name: 'two clusters whose totals average exactly .005 only together',
    clusters: [
      { members: 1, scorecards: [card('an-giang', '10.00')] },
      { members: 1, scorecards: [card('bac-ninh', '10.01')] },
    ],
  },
  {
    name: 'three clusters with a maxTotal of 95 and totals on the band edges',
    maxTotal: '95',
    clusters: [
      { members: 2, scorecards: [card('u-1', '89.99'), card('u-2', '90')] },
      { members: 2, scorecards: [card('u-3', '95'), card('u-4', '0')] },
      { members: 3, scorecards: [card('u-5', '97.5', { classification: 'XUAT_SAC' })] },
    ],
  },
  {
    name: 'Cluster No. 2 on its own',
    clusters: [{ members: 14, scorecards: cluster2 }],
  },
  { name: 'generated clusters from seed 1', clusters: generatedClusters(1n, [14, 9, 6]) },
  { name: 'generated clusters from seed 42', clusters: generatedClusters(42n, [5, 12]) },
  { name: 'generated clusters from seed 2025', clusters: generatedClusters(2025n, [34, 1, 8, 3]) },
];

describe('rollUp', () => {
  test.each(rollUpRows)('equals the summary of all scorecards together for $name', (row) => {
    const maxTotal = row.maxTotal ?? '100';
    const rolledUp = rollUp(
      row.clusters.map((c) => summarizePeriod(c.members, maxTotal, c.scorecards, rollUps)),
    );
    const together = summarizePeriod(
      row.clusters.reduce((sum, c) => sum + c.members, 0),
      maxTotal,
      row.clusters.flatMap((c) => c.scorecards),
      rollUps,
    );
    expect(rolledUp).toEqual(together);
    expect(Object.keys(rolledUp.indicatorTotals)).toEqual(Object.keys(together.indicatorTotals));
  });

  const figureRows: { name: string; clusters: Cluster[]; expected: Partial<PeriodSummary> }[] = [
    {
      name: 'recomputes the average from the combined sum, not from the cluster averages',
      clusters: [
        {
          members: 3,
          scorecards: [card('an-giang', '10'), card('bac-ninh', '10'), card('ca-mau', '10')],
        },
        { members: 2, scorecards: [card('da-nang', '20')] },
      ],
      expected: { members: 5, submitted: 4, missing: 1, totalSum: '50.00', averageTotal: '12.50' },
    },
    {
      name: 'keeps only the highest leaders over all clusters, sorted by unitCode',
      clusters: [
        { members: 2, scorecards: [card('ha-noi', '88'), card('hue', '88')] },
        { members: 2, scorecards: [card('an-giang', '87.99'), card('bac-ninh', '12')] },
        { members: 1, scorecards: [card('ca-mau', '88.00')] },
      ],
      expected: {
        leaders: [
          { unitCode: 'ca-mau', unitName: 'Cà Mau', total: '88.00' },
          { unitCode: 'ha-noi', unitName: 'Hà Nội', total: '88.00' },
          { unitCode: 'hue', unitName: 'Huế', total: '88.00' },
        ],
      },
    },
  ];

  test.each(figureRows)('$name', (row) => {
    const rolledUp = rollUp(
      row.clusters.map((c) => summarizePeriod(c.members, '100', c.scorecards, rollUps)),
    );
    const picked = Object.fromEntries(
      Object.keys(row.expected).map((key) => [key, rolledUp[key as keyof PeriodSummary]]),
    );
    expect(picked).toEqual(row.expected);
  });

  test.each([
    { name: 'whose bands differ (maxTotal 100 and 95)', maxTotals: ['100', '95'] },
    { name: 'with a different number of bands (maxTotal 100 and 200)', maxTotals: ['100', '200'] },
  ])('rolls up summaries $name without a distribution, adding up the rest', ({ maxTotals }) => {
    const rolledUp = rollUp(
      maxTotals.map((maxTotal, i) =>
        summarizePeriod(2, maxTotal, [card(i === 0 ? 'hue' : 'ha-noi', '90')], rollUps),
      ),
    );
    expect(rolledUp.distribution).toEqual([]);
    expect(rolledUp).toMatchObject({ members: 4, submitted: 2, totalSum: '180.00' });
  });

  const rejectRows: { name: string; summaries: PeriodSummary[]; error: RegExp }[] = [
    {
      name: 'rejects an empty list of summaries with a RangeError',
      summaries: [],
      error: /zero summaries/,
    },
  ];

  test.each(rejectRows)('$name', (row) => {
    expect(() => rollUp(row.summaries)).toThrow(RangeError);
    expect(() => rollUp(row.summaries)).toThrow(row.error);
  });
});

describe('indicator roll-ups', () => {
  const units = [
    card('an-giang', '80', { indicators: { adm: '12', rate: '62.47', filed: '1', other: '2.5' } }),
    card('bac-ninh', '80', { indicators: { adm: '30', rate: '0.53', filed: '0' } }),
    card('ca-mau', '80', { indicators: { rate: '50', filed: '1' } }),
  ];

  test('sum a count, average a rate over the units that reported it, count the yeses', () => {
    expect(summarizePeriod(4, '100', units, rollUps).indicators).toEqual([
      { code: 'adm', rollUp: 'SUM', reported: 2, sum: '42.00', value: '42.00' },
      { code: 'filed', rollUp: 'YES_COUNT', reported: 3, sum: '2.00', value: '2.00' },
      // 113 / 3 = 37.666… rounded once, half up.
      { code: 'other', rollUp: 'SUM', reported: 1, sum: '2.50', value: '2.50' },
      { code: 'rate', rollUp: 'AVERAGE', reported: 3, sum: '113.00', value: '37.67' },
    ]);
  });

  test('average over every cluster from the sums, not from the clusters’ averages', () => {
    const rolledUp = rollUp([
      summarizePeriod(1, '100', units.slice(0, 1), rollUps),
      summarizePeriod(2, '100', units.slice(1), rollUps),
    ]);
    expect(rolledUp.indicators.find((i) => i.code === 'rate')).toEqual({
      code: 'rate',
      rollUp: 'AVERAGE',
      reported: 3,
      sum: '113.00',
      value: '37.67',
    });
    expect(rolledUp.indicators.find((i) => i.code === 'filed')?.value).toBe('2.00');
  });

  test('keep a code that two schemes roll up differently apart, each its own way', () => {
    const rolledUp = rollUp([
      summarizePeriod(1, '100', [card('hue', '90', { indicators: { rate: '40' } })], rollUps),
      summarizePeriod(
        2,
        '100',
        [
          card('ha-noi', '90', { indicators: { rate: '10' } }),
          card('lao-cai', '90', { indicators: { rate: '20' } }),
        ],
        new Map([['rate', 'SUM']]),
      ),
    ]);
    expect(rolledUp.indicators).toEqual([
      { code: 'rate', rollUp: 'AVERAGE', reported: 1, sum: '40.00', value: '40.00' },
      { code: 'rate', rollUp: 'SUM', reported: 2, sum: '30.00', value: '30.00' },
    ]);
  });
});
