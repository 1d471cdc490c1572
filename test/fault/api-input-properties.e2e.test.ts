import {
  assignScheme,
  centralBoard,
  unitStaff,
  createGatewayService,
  defineCluster,
  executeCommand,
  openPeriod,
  submitResults,
  type Command,
  type GatewayService,
} from '@thidua/gateway';
import { createKafka, createLogger } from '@thidua/kit';
import { topicName } from '@thidua/schema';
import fc from 'fast-check';
import type { Admin } from 'kafkajs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoScheme } from '../support/scheme.ts';
import { figuresOf, seededRandom } from '../bench/workload.ts';
import { testSettings } from '../support/database.ts';
import { operationDocument } from '../support/operations.ts';
import { authSecret, eventually, tokenFor } from '../support/system.ts';
import {
  absent,
  decimalText,
  field,
  hostileText,
  instantText,
  variablesOf,
  wrongType,
  yearValue,
} from './support/bad-input.ts';
import { printFigures } from './support/fault-figures.ts';
import { classify, type Outcome } from './support/mutation-outcome.ts';

// Issue "Reliability: nothing lost, nothing counted twice", case 9: generated bad input against the
// mutations of a production gateway (masked errors, no introspection). Seeded, so a failure can be
// replayed with the same counterexample.
const seed = 20_261_123;
const numRuns = 300;

// Cluster cum-p in 2027: p1 leads, p2 is its deputy, p3 submitted once (so there is something to
// review), p4 has done nothing. The scheme is the demo's: every criterion method.
const year = 2027;
const periodId = `${year}-H1`;
const scheme = demoScheme(year);
const criteria = scheme.headings.flatMap((h) => h.criteria);
const callers = ['central', 'p1', 'p2', 'p3'] as const;

const unitCode = field(fc.constantFrom('p3', 'p3', 'p4', 'p1', 'nobody'));
const anyPeriod = field(fc.constantFrom(periodId, `${year}-FY`, '2026-H1'));
const clusterCode = field(fc.constantFrom('cum-p', 'cum-p', 'cum-x'));
const reason = field(fc.constantFrom('Thiếu minh chứng', 'Mô hình mới, cách làm hay'));
const points = field(decimalText);

/**
 * A list input such as indicators: mostly the scheme's valid figures for a unit with a few entries
 * replaced by generated ones or dropped; otherwise generated entries, or a list of the wrong things.
 */
function entries(
  valid: (random: () => number) => Record<string, string>[],
  [codeKey, valueKey]: [string, string],
  codes: readonly string[],
): fc.Arbitrary<unknown> {
  const entry = fc.record({
    [codeKey]: field(fc.constantFrom(...codes)),
    [valueKey]: field(decimalText),
  });
  const tweaked = fc
    .tuple(
      fc.nat(),
      fc.array(fc.tuple(fc.nat(), entry.map(variablesOf)), { maxLength: 3 }),
      fc.nat({ max: 2 }),
    )
    .map(([n, changes, drops]) => {
      const list: unknown[] = valid(seededRandom(n));
      for (const [at, value] of changes) list.splice(at % (list.length + 1), 1, value);
      return list.slice(drops);
    });
  return fc.oneof(
    { weight: 4, arbitrary: tweaked },
    { weight: 2, arbitrary: fc.array(entry.map(variablesOf), { maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(wrongType, hostileText), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.oneof(wrongType, fc.constant(absent)) },
  );
}

const indicators = entries(
  (random) => figuresOf(scheme, random).indicators,
  ['code', 'value'],
  scheme.indicators.map((i) => i.code),
);
const selfScores = entries(
  (random) => figuresOf(scheme, random).selfScores,
  ['criterion', 'score'],
  criteria.map((c) => c.code),
);
const targets = entries(
  (random) =>
    criteria.flatMap((c) =>
      c.method === 'TARGET'
        ? [{ indicator: c.indicator, target: String(Math.floor(random() * 2000)) }]
        : [],
    ),
  ['indicator', 'target'],
  scheme.indicators.map((i) => i.code),
);

interface MutationCase {
  name: string;
  success: string;
  query: string;
  /** Who signs the request: the roles whose rights the mutation checks. */
  callers: readonly string[];
  variables: Record<string, fc.Arbitrary<unknown>>;
}

const mutations: MutationCase[] = [
  {
    name: 'submitResults',
    success: 'SubmissionAccepted',
    query: operationDocument('SubmitResults'),
    callers: ['p3', 'p3', 'p3', 'central'],
    variables: {
      unitCode,
      periodId: anyPeriod,
      indicators,
      selfScores,
      expectedVersion: fc.oneof(
        fc.constant(absent),
        fc.integer({ min: -2, max: 40 }),
        fc.constantFrom(2 ** 31, 2 ** 53, 0.5, '1', null),
      ),
    },
  },
  {
    name: 'registerPledges',
    success: 'PledgesRegistered',
    query: operationDocument('RegisterPledges'),
    callers: ['p3', 'p3', 'p4', 'central'],
    variables: { unitCode, year: yearValue(year), targets },
  },
  {
    name: 'reviewScore',
    success: 'ScoreReviewed',
    query: operationDocument('ReviewScore'),
    callers,
    variables: {
      unitCode,
      periodId: anyPeriod,
      criterion: field(fc.constantFrom(...criteria.map((c) => c.code), '9.9')),
      reviewedScore: points,
      reason,
    },
  },
  {
    name: 'addBonus',
    success: 'AdjustmentAdded',
    query: operationDocument('AddBonus'),
    callers,
    variables: { unitCode, periodId: anyPeriod, points, reason },
  },
  {
    name: 'addDeduction',
    success: 'AdjustmentAdded',
    query: operationDocument('AddDeduction'),
    callers,
    variables: {
      unitCode,
      periodId: anyPeriod,
      points,
      reason,
      disqualifying: field(fc.boolean(), wrongType),
    },
  },
  {
    name: 'setDeadline',
    success: 'PeriodPayload',
    query: operationDocument('SetDeadline'),
    callers,
    variables: { clusterCode, periodId: anyPeriod, deadline: field(instantText) },
  },
  {
    name: 'openPeriod',
    success: 'PeriodPayload',
    query: operationDocument('OpenPeriod'),
    callers,
    variables: { clusterCode, periodId: anyPeriod, deadline: field(instantText) },
  },
  {
    // Last: once it closes the period, the submissions above would all be refused.
    name: 'closePeriod',
    success: 'PeriodPayload',
    query: operationDocument('ClosePeriod'),
    callers,
    variables: { clusterCode, periodId: anyPeriod },
  },
];

describe('generated bad input to the mutations of a production gateway', () => {
  const settings = testSettings();
  let gateway: GatewayService;
  let admin: Admin;
  const tokens = new Map<string, string>();
  const tally: Record<string, Record<string, number>> = {};
  const begin = performance.now();

  const outboxSize = async () => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM gateway.outbox WHERE topic = 'contest'
    `.execute(gateway.db);
    return Number(rows[0]?.n);
  };
  const contestTopicEnd = async () => {
    const offsets = await admin.fetchTopicOffsets(topicName(settings.TOPIC_NAMESPACE, 'contest'));
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  };

  beforeAll(async () => {
    gateway = createGatewayService(settings, { port: 0, development: false, authSecret });
    await gateway.start();
    const kafka = createKafka(settings.KAFKA_BROKERS, 'fault-api', createLogger('api', 'silent'));
    admin = kafka.admin();
    await admin.connect();
    for (const who of callers) tokens.set(who, await tokenFor(who));
    tokens.set('p4', await tokenFor('p4'));
    const setUp: Command<unknown>[] = [
      defineCluster({
        clusterCode: 'cum-p',
        name: 'Cụm thi đua P',
        year,
        members: ['p1', 'p2', 'p3', 'p4'].map((code) => ({ unitCode: code, name: `Ban ${code}` })),
        lead: 'p1',
        deputies: ['p2'],
        actor: centralBoard('test-central'),
      }),
      assignScheme({ clusterCode: 'cum-p', scheme, actor: centralBoard('test-central') }),
      openPeriod({
        clusterCode: 'cum-p',
        periodId,
        deadline: `${year}-07-10T17:00:00+07:00`,
        actor: centralBoard('test-central'),
      }),
      submitResults({
        unitCode: 'p3',
        actor: unitStaff('p3'),
        periodId,
        ...figuresOf(scheme, seededRandom(1)),
      }),
    ];
    for (const command of setUp) {
      const result = await executeCommand(gateway.db, null, command, new Date());
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });

  afterAll(async () => {
    const totals = Object.values(tally).reduce<Record<string, number>>((sum, kinds) => {
      for (const [kind, n] of Object.entries(kinds)) sum[kind] = (sum[kind] ?? 0) + n;
      return sum;
    }, {});
    printFigures('bad API input', {
      'inputs sent (generated, then shrunk)': Object.values(totals).reduce((a, b) => a + b, 0),
      ...totals,
      'events appended': await outboxSize(),
      'run time (s)': ((performance.now() - begin) / 1000).toFixed(1),
    });
    await admin.disconnect();
    await gateway.stop();
  });

  test.each(mutations)(
    '$name answers every generated input with a variable error or a typed result, never a 5xx or a leak, and appends an event only when it accepts',
    async ({ name, success, query, callers: who, variables }) => {
      const kinds: Record<string, number> = {};
      tally[name] = kinds;
      // Shrinking goes over HTTP; a bound keeps a failing property within the test's time.
      const input = fc.limitShrink(
        fc.record({ as: fc.constantFrom(...who), fields: fc.record(variables) }),
        150,
      );
      await fc.assert(
        fc.asyncProperty(input, async ({ as, fields }) => {
          const before = await outboxSize();
          const response = await fetch(gateway.url(), {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens.get(as) ?? ''}`,
            },
            body: JSON.stringify({ query, variables: variablesOf(fields) }),
          });
          const outcome: Outcome = classify(name, success, response.status, await response.text());
          const appended = (await outboxSize()) - before;
          if (outcome.kind === 'accepted') expect(appended).toBeGreaterThan(0);
          else expect(appended).toBe(0);
          const kind = 'typename' in outcome ? outcome.typename : outcome.kind;
          kinds[kind] = (kinds[kind] ?? 0) + 1;
        }),
        { seed, numRuns },
      );
    },
    60_000,
  );

  test('publishes to the contest topic exactly the events the accepted inputs appended, no more', async () => {
    const appended = await outboxSize();
    expect(appended).toBeGreaterThan(4);
    const end = await eventually(async () => {
      const now = await contestTopicEnd();
      return now === appended ? now : undefined;
    });
    expect(end).toBe(appended);
  });
});
