import { forbiddenToSee, requireViewer } from '../auth/require-viewer.ts';
import { maySeeCluster, maySeeScorecard } from '../auth/visibility.ts';
import { builder } from '../builder.ts';

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
    periods: t.field({
      type: [Period],
      resolve: async (c, _args, { db }) =>
        (
          await db
            .selectFrom('periods')
            .select(['period_id', 'deadline', 'status'])
            .where('cluster_code', '=', c.code)
            .where('period_id', 'like', `${String(c.year)}-%`)
            .orderBy('period_id')
            .execute()
        ).map((p) => ({
          clusterCode: c.code,
          periodId: p.period_id,
          deadline: new Date(p.deadline).toISOString(),
          status: p.status,
        })),
    }),
  }),
});

builder.queryField('clusters', (t) =>
  t.field({
    description: 'Every cluster of a year, or of every year',
    type: [Cluster],
    args: { year: t.arg.int() },
    resolve: async (_root, { year }, context) => {
      requireViewer(context);
      let query = context.db
        .selectFrom('clusters')
        .selectAll()
        .orderBy('year')
        .orderBy('cluster_code');
      if (year != null) query = query.where('year', '=', year);
      return (await query.execute()).map(toCluster);
    },
  }),
);

builder.queryField('cluster', (t) =>
  t.field({
    description: 'One cluster in a year, with its members and periods',
    type: Cluster,
    nullable: true,
    args: { code: t.arg.string({ required: true }), year: t.arg.int({ required: true }) },
    resolve: async (_root, { code, year }, context) => {
      requireViewer(context);
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
    args: { cluster: t.arg.string({ required: true }), id: t.arg.string({ required: true }) },
    resolve: async (_root, { cluster, id }, context) => {
      requireViewer(context);
      const row = await context.db
        .selectFrom('periods')
        .select(['period_id', 'deadline', 'status'])
        .where('cluster_code', '=', cluster)
        .where('period_id', '=', id)
        .executeTakeFirst();
      return row === undefined
        ? null
        : {
            clusterCode: cluster,
            periodId: row.period_id,
            deadline: new Date(row.deadline).toISOString(),
            status: row.status,
          };
    },
  }),
);

builder.queryField('scheme', (t) =>
  t.field({
    description: "The scheme (bảng chấm điểm) a cluster is scored by in a period's year, in full",
    type: 'JSON',
    nullable: true,
    args: { cluster: t.arg.string({ required: true }), period: t.arg.string({ required: true }) },
    resolve: async (_root, { cluster, period }, context) => {
      const year = Number(period.slice(0, 4));
      if (!(await maySeeCluster(context.db, requireViewer(context), cluster, year))) {
        throw forbiddenToSee(`the scheme of ${cluster}`);
      }
      const row = await context.db
        .selectFrom('schemes')
        .select('scheme')
        .where('cluster_code', '=', cluster)
        .where('year', '=', year)
        .executeTakeFirst();
      return row?.scheme ?? null;
    },
  }),
);

const Submission = builder
  .objectRef<{ version: number; submittedAt: string }>('SubmissionVersion')
  .implement({
    description: 'One version of a unit’s results; the latest counts',
    fields: (t) => ({
      version: t.exposeInt('version'),
      submittedAt: t.field({ type: 'DateTime', resolve: (s) => s.submittedAt }),
    }),
  });

builder.queryField('submissions', (t) =>
  t.field({
    description: "Every version of a unit's results for a period, oldest first",
    type: [Submission],
    args: { unit: t.arg.string({ required: true }), period: t.arg.string({ required: true }) },
    resolve: async (_root, { unit, period }, context) => {
      if (!(await maySeeScorecard(context.db, requireViewer(context), unit, period))) {
        throw forbiddenToSee(`the submissions of ${unit}`);
      }
      const rows = await context.db
        .selectFrom('submissions')
        .select(['version', 'submitted_at'])
        .where('unit_code', '=', unit)
        .where('period_id', '=', period)
        .orderBy('version')
        .execute();
      return rows.map((r) => ({
        version: r.version,
        submittedAt: new Date(r.submitted_at).toISOString(),
      }));
    },
  }),
);
