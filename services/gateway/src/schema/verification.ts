import { periodId, slug } from '@thidua/schema';
import { builder } from '../builder.ts';
import { reviewIndicator, type IndicatorReviewAccepted } from '../commands/review-indicator.ts';
import { returnSubmission, type SubmissionReturnAccepted } from '../commands/return-submission.ts';
import { outlierValues, type OutlierValue } from '../outlier-values.ts';
import { yearOf } from '../period-year.ts';
import { refusalTypes } from './errors.ts';
import { runMutation, type Accepted } from './results.ts';

/** Why and by whom a version was returned for explanation (giải trình). */
export interface SubmissionReturnView {
  reason: string;
  returnedBy: string;
  returnedAt: string;
}

/** The return mark of a version's row, or null when it was not returned. */
export const returnOf = (row: {
  returned_reason: string | null;
  returned_by: string | null;
  returned_at: Date | null;
}): SubmissionReturnView | null =>
  row.returned_reason === null || row.returned_by === null || row.returned_at === null
    ? null
    : {
        reason: row.returned_reason,
        returnedBy: row.returned_by,
        returnedAt: new Date(row.returned_at).toISOString(),
      };

export const SubmissionReturn = builder
  .objectRef<SubmissionReturnView>('SubmissionReturn')
  .implement({
    description:
      'A request to explain (giải trình) a version: it keeps counting until the unit submits again',
    fields: (t) => ({
      reason: t.exposeString('reason'),
      returnedBy: t.exposeString('returnedBy', {
        description: 'the lead or deputy unit that returned it, or `central`',
      }),
      returnedAt: t.field({ type: 'DateTime', resolve: (r) => r.returnedAt }),
    }),
  });

const IndicatorReviewed = builder
  .objectRef<Accepted<IndicatorReviewAccepted>>('IndicatorReviewed')
  .implement({
    fields: (t) => ({
      unitCode: t.string({ resolve: (p) => p.accepted.unitCode }),
      periodId: t.string({ resolve: (p) => p.accepted.periodId }),
      indicator: t.string({ resolve: (p) => p.accepted.indicator }),
      submittedValue: t.field({
        type: 'Decimal',
        nullable: true,
        resolve: (p) => p.accepted.submittedValue,
      }),
      reviewedValue: t.field({ type: 'Decimal', resolve: (p) => p.accepted.reviewedValue }),
      submissionVersion: t.int({
        resolve: (p) => p.accepted.submissionVersion,
        description: 'the counted version when the review was made',
      }),
    }),
  });

builder.mutationField('reviewIndicator', (t) =>
  t.field({
    description:
      "Sets the reviewed value (thẩm định) of an indicator of a unit's period; it replaces the " +
      'submitted value in every rule, this version and later ones',
    type: IndicatorReviewed,
    errors: { types: refusalTypes },
    args: {
      unitCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
      indicator: t.arg.string({ required: true }),
      reviewedValue: t.arg.string({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (reviewer) => reviewIndicator({ ...args, reviewer })),
  }),
);

const SubmissionReturned = builder
  .objectRef<Accepted<SubmissionReturnAccepted>>('SubmissionReturned')
  .implement({
    fields: (t) => ({
      unitCode: t.string({ resolve: (p) => p.accepted.unitCode }),
      periodId: t.string({ resolve: (p) => p.accepted.periodId }),
      version: t.int({ resolve: (p) => p.accepted.version }),
      reason: t.string({ resolve: (p) => p.accepted.reason }),
      returnedAt: t.field({ type: 'DateTime', resolve: (p) => p.accepted.returnedAt }),
    }),
  });

builder.mutationField('returnSubmission', (t) =>
  t.field({
    description:
      "Returns a unit's counted submission for explanation (giải trình); it keeps counting, " +
      'marked as returned, until the unit submits again',
    type: SubmissionReturned,
    errors: { types: refusalTypes },
    args: {
      unitCode: t.arg.string({ required: true }),
      periodId: t.arg.string({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      runMutation(context, args, (returnedBy) => returnSubmission({ ...args, returnedBy })),
  }),
);

interface FlaggedValueView extends OutlierValue {
  reviewed: boolean;
}

const FlaggedValue = builder.objectRef<FlaggedValueView>('FlaggedValue').implement({
  description:
    "A counted value far outside the other members' values for its indicator, beyond Q3 + 3 × IQR " +
    'or Q1 − 3 × IQR of theirs',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    indicator: t.exposeString('indicator'),
    value: t.field({ type: 'Decimal', resolve: (f) => f.value }),
    reviewed: t.exposeBoolean('reviewed', {
      description: "the value is a reviewer's, not the unit's own",
    }),
    side: t.exposeString('side', { description: 'HIGH or LOW' }),
    fence: t.exposeString('fence', { description: 'the fence it lies beyond, exact' }),
    others: t.exposeInt('others', { description: "how many other members' values were compared" }),
    othersQ1: t.exposeString('othersQ1'),
    othersQ3: t.exposeString('othersQ3'),
    reason: t.exposeString('reason'),
    reasonVi: t.exposeString('reasonVi'),
  }),
});

builder.queryField('flaggedValues', (t) =>
  t.field({
    description:
      "The counted values of a cluster's period far outside the others' for their indicator, for " +
      'its reviewers (lead, deputies, central board) to check',
    type: [FlaggedValue],
    args: {
      cluster: t.arg.string({ required: true, validate: slug }),
      period: t.arg.string({ required: true, validate: periodId }),
    },
    authScopes: (_root, { cluster, period }) => ({
      reviewCluster: { cluster, year: yearOf(period) },
    }),
    resolve: async (_root, { cluster, period }, { db }) => {
      const scheme = await db
        .selectFrom('schemes')
        .select('scheme')
        .where('cluster_code', '=', cluster)
        .where('year', '=', yearOf(period))
        .executeTakeFirst();
      if (scheme === undefined) return [];
      const counted = await db
        .selectFrom('submissions')
        .select(['unit_code', 'indicators'])
        .distinctOn('unit_code')
        .where('cluster_code', '=', cluster)
        .where('period_id', '=', period)
        .orderBy('unit_code')
        .orderBy('version', 'desc')
        .execute();
      const reviews = await db
        .selectFrom('indicator_reviews')
        .select(['unit_code', 'indicator', 'reviewed_value'])
        .where('cluster_code', '=', cluster)
        .where('period_id', '=', period)
        .execute();
      const reviewed = new Map(
        reviews.map((r) => [`${r.unit_code}/${r.indicator}`, r.reviewed_value]),
      );
      // A yes/no figure is 0 or 1 by definition: nothing to be far from.
      const codes = scheme.scheme.indicators
        .filter((indicator) => indicator.kind !== 'YES_NO')
        .map((indicator) => indicator.code);
      const values = counted.flatMap(({ unit_code: unitCode, indicators }) =>
        codes.flatMap((indicator) => {
          if (indicators === null || !Object.hasOwn(indicators, indicator)) return [];
          // As scoring does, a reviewed value replaces the submitted one.
          const value = reviewed.get(`${unitCode}/${indicator}`) ?? indicators[indicator];
          return value === undefined ? [] : [{ unitCode, indicator, value }];
        }),
      );
      return outlierValues(values).map((flag) => ({
        ...flag,
        reviewed: reviewed.has(`${flag.unitCode}/${flag.indicator}`),
      }));
    },
  }),
);
