import { comparePeriodIds, slug } from '@thidua/schema';
import { builder } from '../builder.ts';
import { pageOf } from './pages.ts';

interface Membership {
  clusterCode: string;
  year: number;
  name: string;
  mergedFrom: string[];
}

interface UnitView {
  code: string;
  memberships: Membership[];
  /** The unit and every unit merged into it, directly or through earlier merges. */
  lineage: string[];
}

interface HistoryRow {
  unitCode: string;
  periodId: string;
  total: string;
  classification: string;
}

const MembershipRef = builder.objectRef<Membership>('UnitMembership').implement({
  description: 'A unit in a cluster for a year, under the name it had then',
  fields: (t) => ({
    clusterCode: t.exposeString('clusterCode'),
    year: t.exposeInt('year'),
    name: t.exposeString('name'),
    mergedFrom: t.exposeStringList('mergedFrom'),
  }),
});

const HistoryRef = builder.objectRef<HistoryRow>('UnitHistoryEntry').implement({
  description: 'A period result of the unit or of a unit merged into it, as it stood then',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    periodId: t.exposeString('periodId'),
    total: t.field({ type: 'Decimal', resolve: (r) => r.total }),
    classification: t.exposeString('classification'),
  }),
});

const UnitRef = builder.objectRef<UnitView>('Unit').implement({
  description:
    'A member unit (đơn vị) over the years, with the units merged into it (SCORING.md §9)',
  fields: (t) => ({
    code: t.exposeString('code'),
    memberships: t.field({ type: [MembershipRef], resolve: (u) => u.memberships }),
    predecessors: t.stringList({
      description: 'the units merged into it, directly or through earlier merges',
      resolve: (u) => u.lineage.filter((code) => code !== u.code),
    }),
    history: t.connection(
      {
        type: HistoryRef,
        description:
          "every period result of the unit and its predecessors, oldest first (the unit's own staff and the central board)",
        authScopes: (unit) => ({ centralBoard: true, ownUnit: unit.code }),
        resolve: async (unit, args, context) => {
          const rows = await context.db
            .selectFrom('scoring.published_scorecards')
            .select(['unit_code', 'period_id', 'scorecard'])
            .where('unit_code', 'in', unit.lineage)
            .orderBy('unit_code')
            .execute();
          // Period ids sort wrongly as text ('2023-FY' < '2023-H1'), so the order is taken here.
          rows.sort((a, b) => comparePeriodIds(a.period_id, b.period_id));
          return pageOf(
            args,
            rows.map((row) => ({
              unitCode: row.unit_code,
              periodId: row.period_id,
              total: row.scorecard.total,
              classification: row.scorecard.classification,
            })),
          );
        },
      },
      { name: 'UnitHistoryConnection' },
      { name: 'UnitHistoryEdge' },
    ),
  }),
});

builder.queryField('unit', (t) =>
  t.field({
    description: 'A unit, the clusters it belonged to each year, and its predecessors',
    type: UnitRef,
    nullable: true,
    args: { code: t.arg.string({ required: true, validate: slug }) },
    resolve: async (_root, { code }, context) => {
      const clusters = await context.db
        .selectFrom('clusters')
        .select(['cluster_code', 'year', 'members'])
        .orderBy('year')
        .orderBy('cluster_code')
        .execute();
      const memberships = clusters.flatMap((c) =>
        c.members
          .filter((m) => m.unitCode === code)
          .map((m) => ({
            clusterCode: c.cluster_code,
            year: c.year,
            name: m.name,
            mergedFrom: m.mergedFrom,
          })),
      );
      if (memberships.length === 0) return null;
      // Follow merges back: a successor's predecessors may themselves have merged others earlier.
      const lineage = new Set([code]);
      for (let grew = true; grew;) {
        grew = false;
        for (const c of clusters) {
          for (const m of c.members) {
            if (!lineage.has(m.unitCode)) continue;
            for (const predecessor of m.mergedFrom) {
              if (!lineage.has(predecessor)) {
                lineage.add(predecessor);
                grew = true;
              }
            }
          }
        }
      }
      return { code, memberships, lineage: [...lineage].sort() };
    },
  }),
);
