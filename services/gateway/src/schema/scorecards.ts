import { periodId, slug } from '@thidua/schema';
import type { CriterionScore, ScorecardComputedV1 } from '@thidua/schema';
import { builder } from '../builder.ts';

const CriterionPoints = builder.objectRef<CriterionScore>('CriterionPoints').implement({
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

const Scorecard = builder.objectRef<ScorecardComputedV1>('Scorecard').implement({
  description: "A unit's scorecard (bảng điểm) for a period, from its counted submission",
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    periodId: t.exposeString('periodId'),
    submissionVersion: t.exposeInt('submissionVersion'),
    submittedAt: t.field({ type: 'DateTime', resolve: (s) => s.submittedAt }),
    onTime: t.exposeBoolean('onTime'),
    criteria: t.field({ type: [CriterionPoints], resolve: (s) => s.criteria }),
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
