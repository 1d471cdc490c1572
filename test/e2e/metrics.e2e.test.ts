import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openContest, submitResults } from '../support/contest.ts';
import { operationDocument } from '../support/operations.ts';
import { countCriterion, testScheme } from '../support/scheme.ts';
import { eventually, startSystem, type RunningSystem } from '../support/system.ts';

const year = 2026;
const periodId = `${year}-H1`;
const rankingQuery = operationDocument('Ranking');

/** A scrape of `/metrics`: each sample's value by its name and labels, as Prometheus prints them. */
type Samples = Map<string, number>;

async function scrape(url: string): Promise<Samples> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const samples: Samples = new Map();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** The sum of every sample of `name` whose labels include each of `labels` (e.g. `topic="x"`). */
function total(samples: Samples, name: string, ...labels: string[]): number {
  let sum = 0;
  for (const [key, value] of samples) {
    const bare = key.split('{')[0];
    if (bare === name && labels.every((label) => key.includes(label))) sum += value;
  }
  return sum;
}

describe('Prometheus metrics on every service', () => {
  let system: RunningSystem;
  const metricsUrl = (service: keyof RunningSystem['consumers'] | 'gateway') =>
    service === 'gateway'
      ? system.gateway.url().replace('/graphql', '/metrics')
      : `http://127.0.0.1:${String(system.consumers[service].healthPort())}/metrics`;
  const before = new Map<string, Samples>();

  beforeAll(async () => {
    system = await startSystem();
    for (const service of ['gateway', 'scoring', 'ranking', 'reporting', 'awards'] as const) {
      before.set(service, await scrape(metricsUrl(service)));
    }
    await openContest(system, {
      clusterCode: 'cum-m',
      year,
      members: [
        { unitCode: 'm1', name: 'M1' },
        { unitCode: 'm2', name: 'M2' },
      ],
      lead: 'm1',
      scheme: testScheme(year, { criteria: [countCriterion('1.1', '100', 'admitted', '1')] }),
      periodId,
    });
    await submitResults(system, 'm1', periodId, { admitted: '40' });
    await eventually(async () => {
      const { data } = await system.graphql(rankingQuery, { cluster: 'cum-m', period: periodId });
      const entries =
        (data as { ranking: { entries: { status: string }[] } | null }).ranking?.entries ?? [];
      return entries.some((e) => e.status === 'RANKED') ? true : undefined;
    });
  }, 120_000);

  afterAll(async () => {
    await system.stop();
  });

  test('the consuming services count what the submission made them do', async () => {
    const moved: Record<string, Record<string, number>> = {};
    for (const service of ['scoring', 'ranking', 'reporting', 'awards'] as const) {
      // The relay publishes right after the commit; the counters are read once they settle.
      const after = await eventually(async () => {
        const samples = await scrape(metricsUrl(service));
        return total(samples, 'thidua_outbox_backlog') === 0 ? samples : undefined;
      });
      const earlier = before.get(service) ?? new Map<string, number>();
      const delta = (name: string, ...labels: string[]) =>
        total(after, name, ...labels) - total(earlier, name, ...labels);
      moved[service] = {
        applied: delta('thidua_events_applied_total'),
        batches: delta('thidua_batch_duration_seconds_count'),
        emitted: delta('thidua_events_emitted_total'),
      };
      expect(delta('thidua_events_applied_total'), service).toBeGreaterThan(0);
      expect(delta('thidua_batch_duration_seconds_count'), service).toBeGreaterThan(0);
      expect(total(after, 'thidua_consumer_lag_messages'), service).toBe(0);
      expect(delta('thidua_dead_letters_total'), service).toBe(0);
      expect(after.has(`process_cpu_seconds_total{service="${service}"}`), service).toBe(true);
    }
    // Scoring emitted the unit's scorecard, ranking the cluster's standings, both published.
    const scoring = await scrape(metricsUrl('scoring'));
    expect(
      total(scoring, 'thidua_events_emitted_total', 'type="ScorecardComputed"'),
    ).toBeGreaterThan(0);
    expect(total(scoring, 'thidua_outbox_published_total')).toBeGreaterThan(0);
    expect(total(scoring, 'thidua_outbox_relay_latency_seconds_count')).toBeGreaterThan(0);
    const ranking = await scrape(metricsUrl('ranking'));
    expect(
      total(ranking, 'thidua_events_emitted_total', 'type="StandingsChanged"'),
    ).toBeGreaterThan(0);
    console.log('metrics moved by one submission:', JSON.stringify(moved));
  });

  test('the gateway times operations by name, counts refusals by code and open subscriptions', async () => {
    // Refused: a period that is not one.
    const refused = await system.graphql(rankingQuery, { cluster: 'cum-m', period: '2026-Q7' });
    const code = (refused.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions
      ?.code;
    expect(code).toBeDefined();
    const gateway = await scrape(metricsUrl('gateway'));
    const earlier = before.get('gateway') ?? new Map<string, number>();
    expect(
      total(gateway, 'thidua_graphql_request_duration_seconds_count', 'operation="Ranking"'),
    ).toBeGreaterThan(0);
    expect(
      total(gateway, 'thidua_graphql_refusals_total', `code="${String(code)}"`) -
        total(earlier, 'thidua_graphql_refusals_total', `code="${String(code)}"`),
    ).toBeGreaterThan(0);
    expect(gateway.get('thidua_graphql_subscriptions_open{service="gateway"}')).toBe(0);
    // The gateway's outbox carried the commands to the consumers.
    expect(total(gateway, 'thidua_outbox_published_total')).toBeGreaterThan(0);
  });

  test('health stays green while nothing failed', async () => {
    const healthz = await fetch(metricsUrl('scoring').replace('/metrics', '/healthz'));
    expect(healthz.status).toBe(200);
  });
});
