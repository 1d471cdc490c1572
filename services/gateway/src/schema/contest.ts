import { builder } from '../builder.ts';
import { assignScheme } from '../commands/assign-scheme.ts';
import { closePeriod } from '../commands/close-period.ts';
import { defineCluster } from '../commands/define-cluster.ts';
import { openPeriod } from '../commands/open-period.ts';
import { setDeadline } from '../commands/set-deadline.ts';
import { setLead } from '../commands/set-lead.ts';
import { refusalTypes } from './errors.ts';
import { runMutation, type Accepted } from './results.ts';

const MemberInput = builder.inputType('MemberInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true, description: 'e.g. ha-tinh' }),
    name: t.string({ required: true, description: 'e.g. Ban Tổ chức Tỉnh ủy Hà Tĩnh' }),
    mergedFrom: t.stringList({
      description: 'the units merged into this one, e.g. ["hai-phong", "hai-duong"]',
    }),
  }),
});

const ClusterDefined = builder
  .objectRef<Accepted<{ clusterCode: string; year: number }>>('ClusterDefined')
  .implement({
    fields: (t) => ({
      clusterCode: t.string({ resolve: (p) => p.accepted.clusterCode }),
      year: t.int({ resolve: (p) => p.accepted.year }),
    }),
  });

builder.mutationField('defineCluster', (t) =>
  t.field({
    description: 'Defines a cluster (cụm thi đua), its members and its lead for a year',
    type: ClusterDefined,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      members: t.arg({ type: [MemberInput], required: true }),
      lead: t.arg.string(),
      deputies: t.arg.stringList({ description: 'the cụm phó of the year' }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) =>
        defineCluster({ ...args, lead: args.lead ?? null, deputies: args.deputies ?? [], actor }),
      ),
  }),
);

const PeriodPayload = builder
  .objectRef<Accepted<{ clusterCode: string; periodId: string }>>('PeriodPayload')
  .implement({
    fields: (t) => ({
      clusterCode: t.string({ resolve: (p) => p.accepted.clusterCode }),
      periodId: t.string({ resolve: (p) => p.accepted.periodId }),
    }),
  });

builder.mutationField('openPeriod', (t) =>
  t.field({
    description: 'Opens a period (kỳ) of a cluster for submissions, with its deadline',
    type: PeriodPayload,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true, description: '2023-H1 or 2023-FY' }),
      deadline: t.arg({ type: 'DateTime', required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) => openPeriod({ ...args, actor })),
  }),
);

builder.mutationField('closePeriod', (t) =>
  t.field({
    description: 'Closes a period; later submissions are refused',
    type: PeriodPayload,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) => closePeriod({ ...args, actor })),
  }),
);

const SchemeAssignedPayload = builder
  .objectRef<Accepted<{ clusterCode: string; year: number; code: string }>>('SchemeAssignedPayload')
  .implement({
    fields: (t) => ({
      clusterCode: t.string({ resolve: (p) => p.accepted.clusterCode }),
      year: t.int({ resolve: (p) => p.accepted.year }),
      schemeCode: t.string({ resolve: (p) => p.accepted.code }),
    }),
  });

builder.mutationField('assignScheme', (t) =>
  t.field({
    description: "Assigns a year's scheme (bảng chấm điểm), with its full content, to a cluster",
    type: SchemeAssignedPayload,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      scheme: t.arg({ type: 'JSON', required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) =>
        assignScheme({ clusterCode: args.clusterCode, scheme: args.scheme, actor }),
      ),
  }),
);

builder.mutationField('setDeadline', (t) =>
  t.field({
    description: "Moves an open period's deadline; lateness is measured from the new one",
    type: PeriodPayload,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
      deadline: t.arg({ type: 'DateTime', required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) => setDeadline({ ...args, actor })),
  }),
);

builder.mutationField('setLead', (t) =>
  t.field({
    description: "Sets a cluster's lead (cụm trưởng) and deputies (cụm phó) for a year",
    type: ClusterDefined,
    errors: { types: refusalTypes },
    args: {
      clusterCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      lead: t.arg.string({ required: true }),
      deputies: t.arg.stringList({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) => setLead({ ...args, actor })),
  }),
);
