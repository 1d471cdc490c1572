import { slug } from '@thidua/schema';
import type { AwardLine, AwardsChangedV1 } from '@thidua/schema';
import { builder } from '../builder.ts';
import { decideAward } from '../commands/decide-award.ts';
import { recordTieVote } from '../commands/record-tie-vote.ts';
import { refusalTypes } from './errors.ts';
import { runMutation, type Accepted } from './results.ts';

type Sheet = Omit<AwardsChangedV1, 'year' | 'revision'> & {
  clusterCode: string;
  year: number;
  revision: number;
};

const AwardKind = builder.enumType('AwardKind', {
  values: {
    FLAG: { description: 'Cờ thi đua (emulation flag)' },
    MERIT: { description: 'Bằng khen (certificate of merit)' },
  } as const,
});

const Decision = builder.objectRef<NonNullable<AwardLine['decision']>>('AwardDecision').implement({
  description: "The central board's decision on a line",
  fields: (t) => ({
    decision: t.exposeString('decision', {
      description: 'APPROVE, APPROVE_LOWER, RETURN or REJECT',
    }),
    reason: t.exposeString('reason'),
    decisionNumber: t.exposeString('decisionNumber'),
    decidedOn: t.exposeString('decidedOn'),
    signer: t.exposeString('signer'),
  }),
});

const Line = builder.objectRef<AwardLine>('AwardLine').implement({
  description: 'One line of the proposal: a unit proposed (or tied) for an award',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    proposed: t.field({ type: AwardKind, resolve: (l) => l.proposed }),
    status: t.exposeString('status', { description: 'PROPOSED, or TIED while a vote is awaited' }),
    rank: t.exposeInt('rank'),
    byVote: t.exposeBoolean('byVote'),
    decision: t.field({ type: Decision, nullable: true, resolve: (l) => l.decision }),
    granted: t.field({ type: AwardKind, nullable: true, resolve: (l) => l.granted }),
  }),
});

const PendingVote = builder
  .objectRef<NonNullable<AwardsChangedV1['pendingVote']>>('PendingVote')
  .implement({
    description: 'A tie at a quota boundary that the cluster must settle by vote (bình xét)',
    fields: (t) => ({
      award: t.field({ type: AwardKind, resolve: (p) => p.award }),
      rank: t.exposeInt('rank'),
      seats: t.exposeInt('seats'),
      units: t.exposeStringList('units'),
    }),
  });

const Ineligible = builder
  .objectRef<AwardsChangedV1['ineligible'][number]>('IneligibleUnit')
  .implement({
    fields: (t) => ({
      unitCode: t.exposeString('unitCode'),
      reasons: t.exposeStringList('reasons', { description: 'NOT_XUAT_SAC, DISQUALIFIED or LATE' }),
    }),
  });

const AwardSheet = builder.objectRef<Sheet>('AwardSheet').implement({
  description: "A cluster's awards for a year: the proposal, the decisions, what was granted",
  fields: (t) => ({
    clusterCode: t.exposeString('clusterCode'),
    year: t.exposeInt('year'),
    revision: t.exposeInt('revision'),
    lines: t.field({ type: [Line], resolve: (s) => s.lines }),
    awards: t.field({
      type: [Line],
      description: 'the lines that were granted an award',
      resolve: (s) => s.lines.filter((l) => l.granted !== null),
    }),
    ineligible: t.field({ type: [Ineligible], resolve: (s) => s.ineligible }),
    meritSeats: t.exposeInt('meritSeats'),
    pendingVote: t.field({ type: PendingVote, nullable: true, resolve: (s) => s.pendingVote }),
  }),
});

builder.queryField('awards', (t) =>
  t.field({
    description: "A cluster's award sheet for a year (after its year-end period closed)",
    type: AwardSheet,
    nullable: true,
    args: {
      cluster: t.arg.string({ required: true, validate: slug }),
      year: t.arg.int({ required: true }),
    },
    authScopes: (_root, { cluster, year }) => ({ seeCluster: { cluster, year } }),
    resolve: async (_root, { cluster, year }, { db }) => {
      const row = await db
        .selectFrom('awards.published_award_sheets')
        .selectAll()
        .where('cluster_code', '=', cluster)
        .where('year', '=', year)
        .executeTakeFirst();
      return row === undefined
        ? null
        : { ...row.sheet, clusterCode: row.cluster_code, year: row.year, revision: row.revision };
    },
  }),
);

const AwardsPayload = builder
  .objectRef<Accepted<{ clusterCode: string; year: number }>>('AwardsPayload')
  .implement({
    fields: (t) => ({
      clusterCode: t.string({ resolve: (p) => p.accepted.clusterCode }),
      year: t.int({ resolve: (p) => p.accepted.year }),
    }),
  });

builder.mutationField('recordTieVote', (t) =>
  t.field({
    description: 'Records which units of a tied group take the seats, as the cluster voted',
    type: AwardsPayload,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      award: t.arg({ type: AwardKind, required: true }),
      rank: t.arg.int({ required: true }),
      winners: t.arg.stringList({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (recordedBy) => recordTieVote({ ...args, recordedBy })),
  }),
);

builder.mutationField('decideAward', (t) =>
  t.field({
    description: "The central board's decision on one proposed line",
    type: AwardsPayload,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      unitCode: t.arg.string({ required: true }),
      award: t.arg({ type: AwardKind, required: true }),
      decision: t.arg.string({
        required: true,
        description: 'APPROVE, APPROVE_LOWER, RETURN or REJECT',
      }),
      reason: t.arg.string({ required: true }),
      decisionNumber: t.arg.string({ required: true }),
      decidedOn: t.arg.string({ required: true, description: 'a date, e.g. 2024-01-15' }),
      signer: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) => decideAward({ ...args, actor })),
  }),
);
