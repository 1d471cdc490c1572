import { periodId, slug } from '@thidua/schema';
import type { CriterionScore, ScorecardComputedV1 } from '@thidua/schema';
import { builder } from '../builder.ts';
import { PaperReport, paperReportOf } from './paper-reports.ts';
import { returnOf, SubmissionReturn } from './verification.ts';

/** A criterion line of a scorecard, with the unit and period it belongs to. */
export type CriterionLine = CriterionScore & { unitCode: string; periodId: string };

export const CriterionPoints = builder.objectRef<CriterionLine>('CriterionPoints');

CriterionPoints.implement({
  description: "A criterion's points and how they were reached",
  fields: (t) => ({
    code: t.exposeString('code'),
    method: t.exposeString('method'),
    maxPoints: t.field({ type: 'Decimal', resolve: (c) => c.maxPoints }),
    points: t.field({ type: 'Decimal', resolve: (c) => c.points }),
    inputs: t.field({
      type: 'JSON',
      resolve: (c) => c.inputs,
      description: 'the values the rule used',
    }),
    formula: t.exposeString('formula'),
  }),
});

const Adjustment = builder
  .objectRef<{ points: string; reason: string; disqualifying?: boolean }>('Adjustment')
  .implement({
    description: 'A bonus or deduction item with its reason',
    fields: (t) => ({
      points: t.field({ type: 'Decimal', resolve: (a) => a.points }),
      reason: t.exposeString('reason'),
      disqualifying: t.boolean({ resolve: (a) => a.disqualifying ?? false }),
    }),
  });

type ReviewedIndicatorView = NonNullable<ScorecardComputedV1['reviewedIndicators']>[number];

const ReviewedIndicator = builder.objectRef<ReviewedIndicatorView>('ReviewedIndicator').implement({
  description: "An indicator whose reviewed value (thẩm định) replaced the unit's in every rule",
  fields: (t) => ({
    indicator: t.exposeString('indicator'),
    submittedValue: t.field({ type: 'Decimal', resolve: (r) => r.submittedValue }),
    reviewedValue: t.field({ type: 'Decimal', resolve: (r) => r.reviewedValue }),
    reason: t.exposeString('reason'),
    reviewer: t.exposeString('reviewer', {
      description: 'the lead or deputy unit that reviewed it, or `central`',
    }),
  }),
});

interface ReviewedScoreView {
  criterion: string;
  reviewedScore: string;
  reason: string;
  reviewer: string;
}

const ReviewedScore = builder.objectRef<ReviewedScoreView>('ReviewedScore').implement({
  description: "A self-assessed criterion whose reviewed score (thẩm định) replaced the unit's own",
  fields: (t) => ({
    criterion: t.exposeString('criterion'),
    reviewedScore: t.field({ type: 'Decimal', resolve: (r) => r.reviewedScore }),
    reason: t.exposeString('reason'),
    reviewer: t.exposeString('reviewer', {
      description: 'the lead or deputy unit that reviewed it, or `central`',
    }),
  }),
});

const Scorecard = builder.objectRef<ScorecardComputedV1>('Scorecard').implement({
  description: "A unit's scorecard (bảng điểm) for a period, from its counted submission",
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    periodId: t.exposeString('periodId'),
    submissionVersion: t.exposeInt('submissionVersion'),
    submittedAt: t.field({ type: 'DateTime', resolve: (s) => s.submittedAt }),
    onTime: t.exposeBoolean('onTime'),
    criteria: t.field({
      type: [CriterionPoints],
      resolve: (s) => s.criteria.map((c) => ({ ...c, unitCode: s.unitCode, periodId: s.periodId })),
    }),
    criteriaSum: t.field({ type: 'Decimal', resolve: (s) => s.criteriaSum }),
    bonusItems: t.field({ type: [Adjustment], resolve: (s) => s.bonusItems }),
    bonus: t.field({
      type: 'Decimal',
      resolve: (s) => s.bonus,
      description: 'capped by the scheme',
    }),
    deductionItems: t.field({ type: [Adjustment], resolve: (s) => s.deductionItems }),
    lateness: t.field({ type: 'Decimal', resolve: (s) => s.lateness }),
    deductions: t.field({ type: 'Decimal', resolve: (s) => s.deductions }),
    total: t.field({ type: 'Decimal', resolve: (s) => s.total }),
    classification: t.exposeString('classification'),
    disqualified: t.exposeBoolean('disqualified'),
    reviewedIndicators: t.field({
      type: [ReviewedIndicator],
      description: 'the indicators counted with a reviewed value, each beside the submitted one',
      resolve: (s) => s.reviewedIndicators ?? [],
    }),
    returned: t.field({
      type: SubmissionReturn,
      nullable: true,
      description: 'set while the counted version is returned for explanation (giải trình)',
      resolve: async (s, _args, { db }) => {
        const row = await db
          .selectFrom('submissions')
          .select(['returned_reason', 'returned_by', 'returned_at'])
          .where('unit_code', '=', s.unitCode)
          .where('period_id', '=', s.periodId)
          .where('version', '=', s.submissionVersion)
          .executeTakeFirst();
        return row === undefined ? null : returnOf(row);
      },
    }),
    reviewedScores: t.field({
      type: [ReviewedScore],
      description: "the self-assessed criteria scored by a reviewer, with the reviewer's reason",
      resolve: async (s, _args, { db }) =>
        db
          .selectFrom('score_reviews')
          .select(['criterion', 'reviewed_score as reviewedScore', 'reason', 'reviewer'])
          .where('unit_code', '=', s.unitCode)
          .where('period_id', '=', s.periodId)
          .orderBy('criterion')
          .execute(),
    }),
    paperReport: t.field({
      type: PaperReport,
      nullable: true,
      description: 'set when the counted version was recorded from a paper report',
      resolve: async (s, _args, { db }) => {
        const row = await db
          .selectFrom('submissions')
          .select(['recorded_by', 'recorded_at', 'submitted_at'])
          .where('unit_code', '=', s.unitCode)
          .where('period_id', '=', s.periodId)
          .where('version', '=', s.submissionVersion)
          .executeTakeFirst();
        return row === undefined ? null : paperReportOf(row);
      },
    }),
  }),
});

builder.queryField('scorecard', (t) =>
  t.field({
    description: "A unit's scorecard for a period, criterion by criterion",
    type: Scorecard,
    nullable: true,
    args: {
      unit: t.arg.string({ required: true, validate: slug }),
      period: t.arg.string({ required: true, validate: periodId }),
    },
    authScopes: (_root, { unit, period }) => ({ seeUnitPeriod: { unit, period } }),
    resolve: async (_root, { unit, period }, { db }) => {
      const row = await db
        .selectFrom('scoring.published_scorecards')
        .select('scorecard')
        .where('unit_code', '=', unit)
        .where('period_id', '=', period)
        .executeTakeFirst();
      return row?.scorecard ?? null;
    },
  }),
);
