import { periodId, slug } from '@thidua/schema';
import type {
  AwardCounts,
  DistributionBand,
  IndicatorRollUp,
  PublishedSummary,
  SummaryLeader,
} from '@thidua/schema';
import { builder } from '../builder.ts';
import { yearOf } from '../period-year.ts';

/** How the reporting service names the summary over all clusters. */
const ALL_CLUSTERS = '*';

const IndicatorTotal = builder
  .objectRef<{ code: string; total: string }>('IndicatorTotal')
  .implement({
    fields: (t) => ({
      code: t.exposeString('code'),
      total: t.field({ type: 'Decimal', resolve: (i) => i.total }),
    }),
  });

const RollUpKind = builder.enumType('RollUpKind', {
  description: "How an indicator's values over units make one figure (the scheme says)",
  values: {
    SUM: { description: 'summed (a count, by default)' },
    AVERAGE: { description: 'averaged over the units that reported it (a percentage)' },
    YES_COUNT: { description: 'the units that answered yes, "n of m units" (a yes/no)' },
  } as const,
});

const IndicatorRollUpRef = builder.objectRef<IndicatorRollUp>('IndicatorRollUp').implement({
  description: 'One indicator over the counted submissions, rolled up the way its scheme says',
  fields: (t) => ({
    code: t.exposeString('code'),
    rollUp: t.field({ type: RollUpKind, resolve: (i) => i.rollUp }),
    reported: t.exposeInt('reported', {
      description: 'units whose counted submission reported it (the m of "n of m units")',
    }),
    sum: t.field({
      type: 'Decimal',
      description: 'the exact sum of the reported values (for YES_COUNT, the yes answers)',
      resolve: (i) => i.sum,
    }),
    value: t.field({
      type: 'Decimal',
      description:
        'the figure to show: the sum, the average rounded half up to hundredths, or the yes answers',
      resolve: (i) => i.value,
    }),
  }),
});

const Band = builder.objectRef<DistributionBand>('DistributionBand').implement({
  description: 'Units whose total lies in [from, to) (the last band includes `to`)',
  fields: (t) => ({
    from: t.field({ type: 'Decimal', resolve: (b) => b.from }),
    to: t.field({ type: 'Decimal', resolve: (b) => b.to }),
    units: t.exposeInt('units'),
  }),
});

const Leader = builder.objectRef<SummaryLeader>('SummaryLeader').implement({
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    total: t.field({ type: 'Decimal', resolve: (l) => l.total }),
  }),
});

const ClassificationCounts = builder
  .objectRef<PublishedSummary['classifications']>('ClassificationCounts')
  .implement({
    fields: (t) => ({
      xuatSac: t.int({ resolve: (c) => c.XUAT_SAC }),
      tot: t.int({ resolve: (c) => c.TOT }),
      hoanThanh: t.int({ resolve: (c) => c.HOAN_THANH }),
      khongHoanThanh: t.int({ resolve: (c) => c.KHONG_HOAN_THANH }),
    }),
  });

const Awards = builder.objectRef<AwardCounts>('AwardCounts').implement({
  description: 'Year-end award proposals and decisions, counted',
  fields: (t) => ({
    proposedFlags: t.exposeInt('proposedFlags'),
    proposedMerits: t.exposeInt('proposedMerits'),
    tied: t.exposeInt('tied', { description: 'units proposed as TIED, awaiting a vote' }),
    approved: t.exposeInt('approved'),
    approvedLower: t.exposeInt('approvedLower'),
    returned: t.exposeInt('returned'),
    rejected: t.exposeInt('rejected'),
    undecided: t.exposeInt('undecided'),
    grantedFlags: t.exposeInt('grantedFlags'),
    grantedMerits: t.exposeInt('grantedMerits'),
  }),
});

const Summary = builder.objectRef<PublishedSummary>('PeriodSummary').implement({
  description: 'A period summary (sơ kết / tổng kết): exact sums of the counted scorecards',
  fields: (t) => ({
    members: t.exposeInt('members'),
    submitted: t.exposeInt('submitted'),
    onTime: t.exposeInt('onTime'),
    late: t.exposeInt('late'),
    missing: t.exposeInt('missing'),
    indicatorTotals: t.field({
      type: [IndicatorTotal],
      description:
        'each indicator summed over the counted submissions whatever its kind; `indicators` rolls each up the way its scheme says',
      // jsonb keeps keys in its own order; users expect the codes sorted.
      resolve: (s) =>
        Object.entries(s.indicatorTotals)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([code, total]) => ({ code, total })),
    }),
    indicators: t.field({
      type: [IndicatorRollUpRef],
      description: 'every reported indicator rolled up by its kind, sorted by code',
      resolve: (s) => s.indicators,
    }),
    totalSum: t.field({ type: 'Decimal', resolve: (s) => s.totalSum }),
    averageTotal: t.field({ type: 'Decimal', nullable: true, resolve: (s) => s.averageTotal }),
    distribution: t.field({ type: [Band], resolve: (s) => s.distribution }),
    classifications: t.field({ type: ClassificationCounts, resolve: (s) => s.classifications }),
    leaders: t.field({ type: [Leader], resolve: (s) => s.leaders }),
    awards: t.field({
      type: Awards,
      nullable: true,
      description: 'for a year-end period only',
      resolve: (s) => s.awards,
    }),
  }),
});

builder.queryField('summary', (t) =>
  t.field({
    description: "A period's summary for one cluster, or over all clusters when none is named",
    type: Summary,
    nullable: true,
    args: {
      period: t.arg.string({ required: true, validate: periodId }),
      cluster: t.arg.string({ validate: slug }),
    },
    // Only the central board sees the roll-up over every cluster.
    authScopes: (_root, { period, cluster }) =>
      cluster == null ? { centralBoard: true } : { seeCluster: { cluster, year: yearOf(period) } },
    resolve: async (_root, { period, cluster }, { db }) => {
      const row = await db
        .selectFrom('reporting.published_summaries')
        .select('summary')
        .where('period_id', '=', period)
        .where('cluster_code', '=', cluster ?? ALL_CLUSTERS)
        .executeTakeFirst();
      return row?.summary ?? null;
    },
  }),
);
