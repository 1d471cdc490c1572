import { createKafka, createLogger } from '@thidua/kit';
import {
  formatHundredths,
  indicatorValueProblem,
  parseHundredths,
  scheme as schemeModel,
  schemeLimits,
  type Scheme,
  type SchemeInput,
} from '@thidua/schema';
import fc from 'fast-check';
import type { Admin } from 'kafkajs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { persisted, submissionVariables, type Payload } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import { demoScheme } from '../support/scheme.ts';
import { startSystem, type RunningSystem } from '../support/system.ts';
import { printFigures } from './support/fault-figures.ts';
import { consumingServiceNames, settledDump } from './support/settled-dump.ts';

// Issue 12, item 2: whatever the gateway accepts, every event derived from it satisfies its schema,
// so no consumer ever dead-letters one. Two deductions of 999999999999.99 once made scoring publish
// a scorecard whose deductions had 13 integer digits, and ranking, awards and reporting
// dead-lettered it. Seeded, so a failure replays with the same commands.
const seed = 20_261_128;
const numRuns = 12;
const year = 2027;

/** The demo's criteria with maxTotal and every cap at the ceiling: the largest figures allowed. */
function widestScheme(code: string): SchemeInput {
  return {
    ...demoScheme(year),
    code,
    maxTotal: schemeLimits.maxTotal,
    bonusCap: schemeLimits.maxTotal,
    latePointsPerDay: schemeLimits.maxTotal,
    latePointsCap: schemeLimits.maxTotal,
  };
}

/** A point of a range: its bottom, its top, or somewhere between (the ends most often). */
const share = fc.oneof(
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000) },
);

/** `fraction` of `max` (a decimal), as a decimal rounded down to hundredths or to a whole. */
function partOf(max: string, fraction: number, whole: boolean): string {
  const top = parseHundredths(max);
  const unit = whole ? 100n : 1n;
  const steps = top / unit;
  return formatHundredths(BigInt(Math.floor(Number(steps) * fraction)) * unit);
}

/** A value the scheme accepts for the indicator, near `fraction` of its range. */
function valueFor(scheme: Scheme, code: string, maxValue: string, fraction: number): string {
  const candidates = [partOf(maxValue, fraction, false), partOf(maxValue, fraction, true)];
  candidates.push(fraction >= 0.5 ? '1' : '0', '0');
  return candidates.find((v) => indicatorValueProblem(scheme, code, v) === null) ?? '0';
}

/** Where each value and self-score of a submission lies in its range. */
const shares = fc.array(share, { minLength: 32, maxLength: 32 });

const step = fc.oneof(
  fc.record({ kind: fc.constant('submit' as const), unit: fc.nat({ max: 2 }), shares }),
  fc.record({
    kind: fc.constantFrom('bonus' as const, 'deduction' as const),
    unit: fc.nat({ max: 2 }),
    share,
    disqualifying: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('review' as const),
    unit: fc.nat({ max: 2 }),
    criterion: fc.nat(),
    share,
  }),
);

const run = fc.record({
  widest: fc.boolean(),
  period: fc.constantFrom('H1', 'FY'),
  late: fc.boolean(),
  // Each unit submits first, so that most reviews and items that follow are accepted.
  first: fc.tuple(shares, shares, shares),
  steps: fc.array(step, { minLength: 4, maxLength: 24 }),
});

describe('figures derived from accepted input', () => {
  let system: RunningSystem;
  let admin: Admin;
  const tally: Record<string, number> = {};
  const begin = performance.now();

  /** Sends the persisted mutation `name` and counts its answer by type. */
  const mutate = async (
    name: string,
    variables: Record<string, unknown>,
    as = 'central',
  ): Promise<Payload> => {
    const payload = await persisted(system, name, variables, as);
    const key = `${name} → ${payload.__typename}`;
    tally[key] = (tally[key] ?? 0) + 1;
    return payload;
  };
  const addBonus = (variables: { unitCode: string; periodId: string; points: string }) =>
    mutate('AddBonus', { ...variables, reason: 'Mô hình mới, cách làm hay' });
  const addDeduction = (variables: {
    unitCode: string;
    periodId: string;
    points: string;
    disqualifying?: boolean;
  }) => mutate('AddDeduction', { ...variables, reason: 'Vi phạm kỷ luật' });

  /** Dead letters written by every consuming service: each is an event some consumer refused. */
  const deadLetters = async () => {
    let letters = 0;
    for (const service of consumingServiceNames) {
      const { rows } = await sql<{ n: string }>`
        SELECT count(*)::text AS n FROM ${sql.table(`${service}.outbox`)} WHERE topic = 'dlq'
      `.execute(system.gateway.db);
      letters += Number(rows[0]?.n ?? 0);
    }
    return letters;
  };

  const settle = () =>
    // The dump reads every service's schema, not only the gateway's tables.
    settledDump(system.gateway.db as Kysely<unknown>, admin, system.settings.TOPIC_NAMESPACE, {
      quietMs: 200,
    });

  /** A cluster of three units (the first leads) under `scheme`, its period open. */
  const setUp = async (
    code: string,
    units: string[],
    input: SchemeInput,
    period: string,
    late: boolean,
  ) => {
    const members = units.map((unitCode) => ({ unitCode, name: `Ban Tổ chức ${unitCode}` }));
    const steps = [
      await mutate('DefineCluster', {
        clusterCode: code,
        name: 'Cụm thử giới hạn',
        year,
        lead: units[0],
        members,
      }),
      await mutate('AssignScheme', { clusterCode: code, scheme: input }),
      await mutate('OpenPeriod', {
        clusterCode: code,
        periodId: period,
        // A deadline already passed makes every submission late: lateness at its cap.
        deadline: new Date(Date.now() + (late ? -3 : 3) * 86_400_000).toISOString(),
      }),
    ];
    expect(steps.map((s) => s.__typename)).toEqual([
      'ClusterDefined',
      'SchemeAssignedPayload',
      'PeriodPayload',
    ]);
  };

  const submitAtMost = (scheme: Scheme, unit: string, period: string, shares: readonly number[]) =>
    mutate(
      'SubmitResults',
      submissionVariables(
        unit,
        period,
        Object.fromEntries(
          scheme.indicators.map((indicator, i) => [
            indicator.code,
            valueFor(scheme, indicator.code, indicator.maxValue, shares[i] ?? 1),
          ]),
        ),
        Object.fromEntries(
          scheme.headings
            .flatMap((h) => h.criteria)
            .filter((c) => c.method === 'SELF_ASSESSED')
            .map((c, i) => [c.code, partOf(c.maxPoints, shares[31 - i] ?? 1, false)]),
        ),
      ),
      unit,
    );

  beforeAll(async () => {
    system = await startSystem();
    const kafka = createKafka(
      system.settings.KAFKA_BROKERS,
      'fault-bounds',
      createLogger('bounds', 'silent'),
    );
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    printFigures('accepted input bounds', {
      ...tally,
      'run time (s)': ((performance.now() - begin) / 1000).toFixed(1),
    });
    await admin.disconnect();
    await system.stop();
  });

  test('refuses an item above maxTotal, and the largest items accepted leave no dead letter', async () => {
    const input = widestScheme('gioi-han');
    const scheme = schemeModel.parse(input);
    const period = `${year}-FY`;
    const units = ['big-1', 'big-2', 'big-3'];
    await setUp('cum-big', units, input, period, true);
    for (const unit of units) {
      const accepted = await submitAtMost(scheme, unit, period, Array<number>(32).fill(1));
      expect(accepted.__typename).toBe('SubmissionAccepted');
    }

    // Each valid alone under the decimal format, together they overflowed it; now each is refused.
    for (let i = 0; i < 2; i += 1) {
      const refused = await addDeduction({
        unitCode: 'big-2',
        periodId: period,
        points: '999999999999.99',
      });
      expect(refused).toMatchObject({
        __typename: 'ValidationError',
        fields: [{ path: 'points' }],
      });
    }
    const above = await addBonus({ unitCode: 'big-2', periodId: period, points: '10000.01' });
    expect(above).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'points' }] });

    // The most a unit may get: 100 items of each kind, each worth maxTotal.
    const { maxTotal, itemsPerUnitAndPeriod } = schemeLimits;
    for (let i = 0; i < itemsPerUnitAndPeriod; i += 1) {
      const variables = { unitCode: 'big-2', periodId: period, points: maxTotal };
      expect((await addDeduction(variables)).__typename).toBe('AdjustmentAdded');
      expect((await addBonus(variables)).__typename).toBe('AdjustmentAdded');
    }
    const beyond = await addDeduction({ unitCode: 'big-2', periodId: period, points: '1' });
    expect(beyond.__typename).toBe('ConflictError');
    expect(
      (await addDeduction({ unitCode: 'big-3', periodId: period, points: '1' })).__typename,
    ).toBe('AdjustmentAdded');

    await settle();
    expect(await deadLetters()).toBe(0);
    const { data } = await system.graphql(operationDocument('Scorecard'), {
      unit: 'big-2',
      period,
    });
    // lateness 10 000 (one day late at 10 000 a day, capped) + 100 × 10 000; bonus capped.
    expect(data?.scorecard).toMatchObject({
      bonus: '10000.00',
      lateness: '10000.00',
      deductions: '1010000.00',
      total: '0.00',
    });
  }, 90_000);

  test('random sequences of accepted commands, with values up to the maxima, leave no dead letter', async () => {
    let runNumber = 0;
    await fc.assert(
      fc.asyncProperty(run, async ({ widest, period: kind, late, first, steps }) => {
        runNumber += 1;
        const code = `cum-r${runNumber}`;
        const units = ['a', 'b', 'c'].map((letter) => `r${runNumber}-${letter}`);
        const input = widest ? widestScheme(`rong-${runNumber}`) : demoScheme(year);
        const scheme = schemeModel.parse(input);
        const period = `${year}-${kind}`;
        const selfAssessed = scheme.headings
          .flatMap((h) => h.criteria)
          .filter((c) => c.method === 'SELF_ASSESSED');
        await setUp(code, units, input, period, late);
        for (const [i, unit] of units.entries()) {
          await submitAtMost(scheme, unit, period, first[i] ?? []);
        }
        for (const command of steps) {
          const unit = units[command.unit] ?? '';
          if (command.kind === 'submit') {
            await submitAtMost(scheme, unit, period, command.shares);
          } else if (command.kind === 'review') {
            const criterion = selfAssessed[command.criterion % selfAssessed.length];
            if (criterion === undefined) continue;
            await mutate('ReviewScore', {
              unitCode: unit,
              periodId: period,
              criterion: criterion.code,
              reviewedScore: partOf(criterion.maxPoints, command.share, false),
              reason: 'Thiếu minh chứng',
            });
          } else {
            const item = {
              unitCode: unit,
              periodId: period,
              points: partOf(scheme.maxTotal, command.share, false),
            };
            await (command.kind === 'bonus'
              ? addBonus(item)
              : addDeduction({ ...item, disqualifying: command.disqualifying }));
          }
        }
        await settle();
        expect(await deadLetters()).toBe(0);
      }),
      { seed, numRuns, endOnFailure: true },
    );
    // The property is only worth something if the commands were mostly accepted.
    expect(tally['SubmitResults → SubmissionAccepted'] ?? 0).toBeGreaterThan(numRuns);
    expect(tally['AddDeduction → AdjustmentAdded'] ?? 0).toBeGreaterThan(numRuns);
  }, 90_000);
});
