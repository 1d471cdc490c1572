import { periodId, slug } from '@thidua/schema';
import type { StandingEntry } from '@thidua/schema';
import { builder } from '../builder.ts';
import { yearOf } from '../period-year.ts';
import { filter, pipe } from 'graphql-yoga';
import type { PublishedViews } from '../database.ts';
import { requireViewer } from '../auth/require-viewer.ts';
import { tooManyStreams, untilExpiry } from '../streams.ts';

type StandingsRow = PublishedViews['ranking.published_standings'];

const Classification = builder.enumType('Classification', {
  description: "Xếp loại, by total as a share of the maximum, with the scheme's bands",
  values: {
    XUAT_SAC: { description: 'Xuất sắc (≥ the XUAT_SAC band, 90% by default)' },
    TOT: { description: 'Tốt (≥ the TOT band, 70% by default)' },
    HOAN_THANH: { description: 'Hoàn thành (≥ the HOAN_THANH band, 50% by default)' },
    KHONG_HOAN_THANH: { description: 'Không hoàn thành' },
  } as const,
});

const StandingStatus = builder.enumType('StandingStatus', {
  values: {
    RANKED: { description: 'has a counted submission' },
    NOT_SUBMITTED: {
      description: 'a member without a counted submission, listed after the ranked',
    },
  } as const,
});

const Standing = builder.objectRef<StandingEntry>('Standing').implement({
  description: "One unit's place in its cluster's ranking",
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    status: t.field({ type: StandingStatus, resolve: (e) => e.status }),
    rank: t.exposeInt('rank', {
      nullable: true,
      description: 'shared by units still equal (1, 2, 2, 4)',
    }),
    total: t.field({ type: 'Decimal', nullable: true, resolve: (e) => e.total }),
    criteriaSum: t.field({ type: 'Decimal', nullable: true, resolve: (e) => e.criteriaSum }),
    deductions: t.field({ type: 'Decimal', nullable: true, resolve: (e) => e.deductions }),
    classification: t.field({
      type: Classification,
      nullable: true,
      resolve: (e) => e.classification,
    }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.submittedAt }),
    movement: t.exposeInt('movement', {
      nullable: true,
      description: 'places gained (positive) or lost since the previous standings',
    }),
  }),
});

export const Standings = builder.objectRef<StandingsRow>('Standings').implement({
  description: "A cluster's ranking (xếp hạng) for a period, as of one change",
  fields: (t) => ({
    clusterCode: t.string({ resolve: (row) => row.cluster_code }),
    periodId: t.string({ resolve: (row) => row.period_id }),
    revision: t.int({ resolve: (row) => row.revision, description: 'how many changes it has had' }),
    changedAt: t.field({ type: 'DateTime', resolve: (row) => row.changed_at.toISOString() }),
    entries: t.field({ type: [Standing], resolve: (row) => row.entries }),
  }),
});

builder.queryField('ranking', (t) =>
  t.field({
    description: "A cluster's ranking for a period: now, or as it stood at `asOf`",
    type: Standings,
    nullable: true,
    args: {
      cluster: t.arg.string({ required: true, validate: slug }),
      period: t.arg.string({ required: true, validate: periodId }),
      asOf: t.arg({ type: 'DateTime' }),
    },
    authScopes: (_root, { cluster, period }) => ({
      seeCluster: { cluster, year: yearOf(period) },
    }),
    resolve: async (_root, { cluster, period, asOf }, { db, currentStandings }) => {
      if (asOf == null) {
        const kept = currentStandings.get(cluster, period);
        if (kept !== undefined) return kept;
        const current = await db
          .selectFrom('ranking.published_standings')
          .selectAll()
          .where('cluster_code', '=', cluster)
          .where('period_id', '=', period)
          .executeTakeFirst();
        if (current !== undefined) currentStandings.offer(current);
        return current ?? null;
      }
      const then = await db
        .selectFrom('ranking.published_standings_history')
        .selectAll()
        .where('cluster_code', '=', cluster)
        .where('period_id', '=', period)
        .where('changed_at', '<=', new Date(asOf))
        .orderBy('revision', 'desc')
        .limit(1)
        .executeTakeFirst();
      return then ?? null;
    },
  }),
);

builder.subscriptionField('rankingChanged', (t) =>
  t.field({
    description: "A cluster's standings for a period each time they change (server-sent events)",
    type: Standings,
    args: {
      cluster: t.arg.string({ required: true, validate: slug }),
      period: t.arg.string({ required: true, validate: periodId }),
    },
    authScopes: (_root, { cluster, period }) => ({
      seeCluster: { cluster, year: yearOf(period) },
    }),
    // A stream ends when the token that opened it expires, and takes one of its identity's slots.
    subscribe: (_root, { cluster, period }, context) => {
      const viewer = requireViewer(context);
      const free = context.streams.take(viewer.subject);
      if (free === null) throw tooManyStreams(context.streams.perSubject);
      return untilExpiry(
        pipe(
          context.standings.subscribe('rankingChanged'),
          filter((row) => row.cluster_code === cluster && row.period_id === period),
        ),
        viewer.expiresAt,
        free,
      );
    },
    resolve: (row) => row,
  }),
);
