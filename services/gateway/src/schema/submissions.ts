import { builder } from '../builder.ts';
import { submitResults, type AcceptedSubmission } from '../commands/submit-results.ts';
import { refusalTypes } from './errors.ts';
import { runMutation, type Accepted } from './results.ts';

const IndicatorValueInput = builder.inputType('IndicatorValueInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'an indicator code of the scheme' }),
    value: t.string({ required: true, description: 'an exact decimal, e.g. "1250" or "62.47"' }),
  }),
});

const SelfScoreInput = builder.inputType('SelfScoreInput', {
  fields: (t) => ({
    criterion: t.string({
      required: true,
      description: 'a SELF_ASSESSED criterion code, e.g. 1.2',
    }),
    score: t.string({
      required: true,
      description: 'the points the unit gives itself, e.g. "4.50"',
    }),
  }),
});

const SubmissionAccepted = builder
  .objectRef<Accepted<AcceptedSubmission>>('SubmissionAccepted')
  .implement({
    fields: (t) => ({
      unitCode: t.string({ resolve: (p) => p.accepted.unitCode }),
      clusterCode: t.string({ resolve: (p) => p.accepted.clusterCode }),
      periodId: t.string({ resolve: (p) => p.accepted.periodId }),
      version: t.int({ resolve: (p) => p.accepted.version }),
      submittedAt: t.field({ type: 'DateTime', resolve: (p) => p.accepted.submittedAt }),
      onTime: t.boolean({ resolve: (p) => p.accepted.onTime }),
    }),
  });

builder.mutationField('submitResults', (t) =>
  t.field({
    description: "Submits a new version of a unit's results (báo cáo kết quả) for a period",
    type: SubmissionAccepted,
    errors: { types: refusalTypes },
    args: {
      unitCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
      indicators: t.arg({ type: [IndicatorValueInput], required: true }),
      selfScores: t.arg({ type: [SelfScoreInput], required: true }),
      expectedVersion: t.arg.int({
        description: 'the latest version the unit has seen; a newer one makes this a conflict',
      }),
      receivedAt: t.arg({
        type: 'DateTime',
        description:
          "for results that arrived on paper: when the report was received (not before the period opened, never in the future); it counts for lateness. Only the cluster's lead or the central board, never the unit itself",
      }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (actor) => submitResults({ ...args, actor })),
  }),
);
