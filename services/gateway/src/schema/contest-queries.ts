import { periodId, slug } from '@thidua/schema';
import { builder } from '../builder.ts';
import { yearOf } from '../period-year.ts';
import { pageInSql, pageOf } from './pages.ts';
import { PaperReport, paperReportOf, type PaperReportView } from './paper-reports.ts';
import { returnOf, SubmissionReturn, type SubmissionReturnView } from './verification.ts';

interface ClusterView {
  code: string;
  year: number;
  name: string;
  lead: string | null;
  deputies: string[];
  members: { unitCode: string; name: string; mergedFrom: string[] }[];
}

interface PeriodView {
  clusterCode: string;
  periodId: string;
  deadline: string;
  status: string;
}

const toCluster = (row: {
  cluster_code: string;
  year: number;
  name: string;
  lead: string | null;
  deputies: string[];
  members: ClusterView['members'];
}): ClusterView => ({
  code: row.cluster_code,
  year: row.year,
  name: row.name,
  lead: row.lead,
  deputies: row.deputies,
  members: row.members,
});

const toPeriod = (row: {
  cluster_code: string;
  period_id: string;
  deadline: Date | string;
  status: string;
}): PeriodView => ({
  clusterCode: row.cluster_code,
  periodId: row.period_id,
  deadline: new Date(row.deadline).toISOString(),
  status: row.status,
});

/** The dataloader key of a cluster's periods in a year. */
const periodsKey = (clusterCode: string, year: number): string => `${clusterCode} ${String(year)}`;

const Member = builder.objectRef<ClusterView['members'][number]>('ClusterMember').implement({
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    name: t.exposeString('name'),
    mergedFrom: t.exposeStringList('mergedFrom'),
  }),
});

const Period = builder.objectRef<PeriodView>('Period').implement({
  description: 'A period (kỳ) of a cluster: OPEN until closed, with its deadline',
  fields: (t) => ({
    clusterCode: t.exposeString('clusterCode'),
    periodId: t.exposeString('periodId'),
    deadline: t.field({ type: 'DateTime', resolve: (p) => p.deadline }),
    status: t.exposeString('status', { description: 'OPEN or CLOSED' }),
  }),
});

const Cluster = builder.objectRef<ClusterView>('Cluster').implement({
  description: 'A cluster (cụm thi đua) in a year: its members, lead (cụm trưởng) and deputies',
  fields: (t) => ({
    code: t.exposeString('code'),
    year: t.exposeInt('year'),
    name: t.exposeString('name'),
    lead: t.exposeString('lead', { nullable: true }),
    deputies: t.exposeStringList('deputies'),
    members: t.field({ type: [Member], resolve: (c) => c.members }),
    // A page of clusters asks for its periods in one query, not one per cluster.
    periods: t.loadableGroup({
      type: Period,
      load: async (keys: string[], { db }) =>
        (
          await db
            .selectFrom('periods')
            .select(['cluster_code', 'period_id', 'deadline', 'status'])
            .where('cluster_code', 'in', [...new Set(keys.map((key) => key.split(' ')[0] ?? ''))])
            .orderBy('period_id')
            .execute()
        ).map(toPeriod),
      group: (period) => periodsKey(period.clusterCode, yearOf(period.periodId)),
      resolve: (c) => periodsKey(c.code, c.year),
    }),
  }),
});

builder.queryField('clusters', (t) =>
  t.connection(
    {
      description: 'Every cluster of a year, or of every year, by year then code',
      type: Cluster,
      args: { year: t.arg.int() },
      resolve: async (_root, args, context) => {
        let clusters = context.db.selectFrom('clusters');
        if (args.year != null) clusters = clusters.where('year', '=', args.year);
        const { count } = await clusters
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .executeTakeFirstOrThrow();
        return pageInSql(args, Number(count), async ({ offset, limit }) =>
          (
            await clusters
              .selectAll()
              .orderBy('year')
              .orderBy('cluster_code')
              .offset(offset)
              .limit(limit)
              .execute()
          ).map(toCluster),
        );
      },
    },
    { name: 'ClusterConnection' },
    { name: 'ClusterEdge' },
  ),
);

builder.queryField('cluster', (t) =>
  t.field({
    description: 'One cluster in a year, with its members and periods',
    type: Cluster,
    nullable: true,
    args: {
      code: t.arg.string({ required: true, validate: slug }),
      year: t.arg.int({ required: true }),
    },
    resolve: async (_root, { code, year }, context) => {
      const row = await context.db
        .selectFrom('clusters')
        .selectAll()
        .where('cluster_code', '=', code)
        .where('year', '=', year)
        .executeTakeFirst();
      return row === undefined ? null : toCluster(row);
    },
  }),
);

builder.queryField('period', (t) =>
  t.field({
    description: "A cluster's period, e.g. cum-2 / 2023-H1",
    type: Period,
    nullable: true,
    args: {
      cluster: t.arg.string({ required: true, validate: slug }),
      id: t.arg.string({ required: true, validate: periodId }),
    },
    resolve: async (_root, { cluster, id }, context) => {
      const row = await context.db
        .selectFrom('periods')
        .select(['cluster_code', 'period_id', 'deadline', 'status'])
        .where('cluster_code', '=', cluster)
        .where('period_id', '=', id)
        .executeTakeFirst();
      return row === undefined ? null : toPeriod(row);
    },
  }),
);

builder.queryField('scheme', (t) =>
  t.field({
    description: "The scheme (bảng chấm điểm) a cluster is scored by in a period's year, in full",
    type: 'JSON',
    nullable: true,
    args: {
      cluster: t.arg.string({ required: true, validate: slug }),
      period: t.arg.string({ required: true, validate: periodId }),
    },
    authScopes: (_root, { cluster, period }) => ({
      seeCluster: { cluster, year: yearOf(period) },
    }),
    resolve: async (_root, { cluster, period }, context) => {
      const row = await context.db
        .selectFrom('schemes')
        .select('scheme')
        .where('cluster_code', '=', cluster)
        .where('year', '=', yearOf(period))
        .executeTakeFirst();
      return row?.scheme ?? null;
    },
  }),
);

const Submission = builder
  .objectRef<{
    version: number;
    submittedAt: string;
    returned: SubmissionReturnView | null;
    paperReport: PaperReportView | null;
  }>('SubmissionVersion')
  .implement({
    description: 'One version of a unit’s results; the latest counts',
    fields: (t) => ({
      version: t.exposeInt('version'),
      submittedAt: t.field({ type: 'DateTime', resolve: (s) => s.submittedAt }),
      returned: t.field({
        type: SubmissionReturn,
        nullable: true,
        description: 'set when a reviewer returned this version for explanation (giải trình)',
        resolve: (s) => s.returned,
      }),
      paperReport: t.field({
        type: PaperReport,
        nullable: true,
        description: 'set when the lead or the central board recorded this version from paper',
        resolve: (s) => s.paperReport,
      }),
    }),
  });

builder.queryField('submissions', (t) =>
  t.connection(
    {
      description: "Every version of a unit's results for a period, oldest first",
      type: Submission,
      args: {
        unit: t.arg.string({ required: true, validate: slug }),
        period: t.arg.string({ required: true, validate: periodId }),
      },
      authScopes: (_root, { unit, period }) => ({ seeUnitPeriod: { unit, period } }),
      resolve: async (_root, args, context) => {
        const { unit, period } = args;
        const rows = await context.db
          .selectFrom('submissions')
          .select([
            'version',
            'submitted_at',
            'returned_reason',
            'returned_by',
            'returned_at',
            'recorded_by',
            'recorded_at',
          ])
          .where('unit_code', '=', unit)
          .where('period_id', '=', period)
          .orderBy('version')
          .execute();
        return pageOf(
          args,
          rows.map((r) => ({
            version: r.version,
            submittedAt: new Date(r.submitted_at).toISOString(),
            returned: returnOf(r),
            paperReport: paperReportOf(r),
          })),
        );
      },
    },
    { name: 'SubmissionVersionConnection' },
    { name: 'SubmissionVersionEdge' },
  ),
);
