import { builder } from '../builder.ts';
import { addAdjustment } from '../commands/add-adjustment.ts';
import { registerPledges } from '../commands/register-pledges.ts';
import { reviewScore, type ReviewScoreInput } from '../commands/review-score.ts';
import { refusalTypes } from './errors.ts';
import { runMutation, type Accepted } from './results.ts';

const TargetInput = builder.inputType('TargetInput', {
  fields: (t) => ({
    indicator: t.string({ required: true, description: 'the indicator of a TARGET criterion' }),
    target: t.string({ required: true, description: 'the pledged value, e.g. "1200"' }),
  }),
});

const PledgesRegistered = builder
  .objectRef<Accepted<{ unitCode: string; year: number; targets: number }>>('PledgesRegistered')
  .implement({
    fields: (t) => ({
      unitCode: t.string({ resolve: (p) => p.accepted.unitCode }),
      year: t.int({ resolve: (p) => p.accepted.year }),
      targets: t.int({ resolve: (p) => p.accepted.targets, description: 'how many targets' }),
    }),
  });

builder.mutationField('registerPledges', (t) =>
  t.field({
    description: "Registers a unit's targets (đăng ký giao ước) for a year",
    type: PledgesRegistered,
    errors: { types: refusalTypes },
    args: {
      unitCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      targets: t.arg({ type: [TargetInput], required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) => registerPledges({ ...args, actor })),
  }),
);

const ScoreReviewed = builder.objectRef<Accepted<ReviewScoreInput>>('ScoreReviewed').implement({
  fields: (t) => ({
    unitCode: t.string({ resolve: (p) => p.accepted.unitCode }),
    periodId: t.string({ resolve: (p) => p.accepted.periodId }),
    criterion: t.string({ resolve: (p) => p.accepted.criterion }),
    reviewedScore: t.field({ type: 'Decimal', resolve: (p) => p.accepted.reviewedScore }),
  }),
});

builder.mutationField('reviewScore', (t) =>
  t.field({
    description: "Sets the reviewed score (thẩm định) of a unit's self-assessed criterion",
    type: ScoreReviewed,
    errors: { types: refusalTypes },
    args: {
      unitCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
      criterion: t.arg.string({ required: true }),
      reviewedScore: t.arg.string({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (reviewer) => reviewScore({ ...args, reviewer })),
  }),
);

const AdjustmentAdded = builder
  .objectRef<Accepted<{ itemId: string; unitCode: string; periodId: string }>>('AdjustmentAdded')
  .implement({
    fields: (t) => ({
      itemId: t.string({ resolve: (p) => p.accepted.itemId }),
      unitCode: t.string({ resolve: (p) => p.accepted.unitCode }),
      periodId: t.string({ resolve: (p) => p.accepted.periodId }),
    }),
  });

builder.mutationField('addBonus', (t) =>
  t.field({
    description: "Adds a bonus item (điểm thưởng) to a unit's period; the scheme caps their sum",
    type: AdjustmentAdded,
    errors: { types: refusalTypes },
    args: {
      unitCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
      points: t.arg.string({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (addedBy) => addAdjustment('BONUS', { ...args, addedBy })),
  }),
);

builder.mutationField('addDeduction', (t) =>
  t.field({
    description: "Adds a deduction item (điểm trừ) to a unit's period, optionally disqualifying",
    type: AdjustmentAdded,
    errors: { types: refusalTypes },
    args: {
      unitCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
      points: t.arg.string({ required: true }),
      reason: t.arg.string({ required: true }),
      disqualifying: t.arg.boolean({ description: 'bars the unit from XUAT_SAC and awards' }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (addedBy) => addAdjustment('DEDUCTION', { ...args, addedBy })),
  }),
);
