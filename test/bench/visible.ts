import { mintToken } from '@thidua/gateway';
import type pg from 'pg';
import { operationDocument } from '../support/operations.ts';
import { fail, percentile, round, say, sleep } from './bench-log.ts';
import { benchSecret, postJson, subscribeToRanking, type StandingSeen } from './http-load.ts';
import { figuresOf, seededRandom, type Workload } from './workload.ts';

export interface VisibleResult {
  rate: number;
  seconds: number;
  sent: number;
  accepted: number;
  seen: number;
  p50Ms: number;
  p99Ms: number;
  mutationP50Ms: number;
  mutationP99Ms: number;
}

const submitResults = operationDocument('SubmitResults');

/**
 * Mutations at a steady rate (the preset's visibleRate for visibleSeconds); for each, the time from
 * its response until a rankingChanged subscription (one per cluster) delivers standings with it.
 */
export async function measureVisible(
  workload: Workload,
  gatewayPort: number,
  pool: pg.Pool,
): Promise<VisibleResult> {
  const { visibleRate: rate, visibleSeconds: seconds } = workload.preset;
  const period = workload.periods[0] ?? `${String(workload.year)}-H1`;
  const units = workload.clusters.slice(0, 20).flatMap((c) => c.members);
  const random = seededRandom(workload.preset.seed + 1);
  say(`visible: ${String(rate)} submitResults mutations/s for ${String(seconds)} s…`);
  interface Pending {
    unit: string;
    submittedAt: number;
    answeredAt: number;
  }
  const pending = new Map<string, Pending>();
  const visibleMs: number[] = [];
  const mutationMs: number[] = [];
  let sent = 0;
  let accepted = 0;
  const inFlight: Promise<void>[] = [];
  const clusters = [...new Set(workload.clusters.slice(0, 20).map((c) => c.code))];
  const centralToken = await mintToken(benchSecret, { subject: 'bench', central: true });
  const seeStandings = (entries: readonly StandingSeen[]) => {
    const seenAt = performance.now();
    for (const entry of entries) {
      const wait = pending.get(entry.unitCode);
      if (wait === undefined || entry.submittedAt === null) continue;
      if (Date.parse(entry.submittedAt) >= wait.submittedAt) {
        visibleMs.push(seenAt - wait.answeredAt);
        pending.delete(entry.unitCode);
      }
    }
  };
  const subscriptions = await Promise.all(
    clusters.map((cluster) =>
      subscribeToRanking(gatewayPort, centralToken, cluster, period, seeStandings),
    ),
  );

  const begin = performance.now();
  const total = rate * seconds;
  // Tokens are signed before the clock starts, so signing is not counted as mutation latency.
  const tokens = new Map<string, string>();
  for (const unit of units) {
    tokens.set(unit, await mintToken(benchSecret, { subject: 'bench', unitCode: unit }));
  }
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const unit = units[i % units.length] ?? '';
    const body = JSON.stringify({
      query: submitResults,
      variables: { unitCode: unit, periodId: period, ...figuresOf(workload.scheme, random) },
    });
    sent += 1;
    const t = performance.now();
    inFlight.push(
      postJson(gatewayPort, body, tokens.get(unit) ?? '').then(
        (response) => {
          const answeredAt = performance.now();
          mutationMs.push(answeredAt - t);
          const result = (
            JSON.parse(response.text) as {
              data?: {
                submitResults?: { __typename: string; submittedAt?: string };
              };
            }
          ).data?.submitResults;
          if (result?.__typename !== 'SubmissionAccepted' || result.submittedAt === undefined) {
            fail(`mutation for ${unit} not accepted: ${response.text.slice(0, 300)}`);
            return;
          }
          accepted += 1;
          const before = pending.get(unit);
          // A newer version of a unit still waiting supersedes it; the older one counts as seen then.
          if (before !== undefined) visibleMs.push(Number.NaN);
          pending.set(unit, {
            unit,
            submittedAt: Date.parse(result.submittedAt),
            answeredAt,
          });
        },
        (error: unknown) => fail(`mutation for ${unit} failed: ${String(error)}`),
      ),
    );
    if (i % (rate * 5) === 0 && i > 0) {
      say(`  visible: ${String(i)}/${String(total)} sent, ${String(visibleMs.length)} seen`);
    }
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - begin) / 1000;
  const giveUpAt = performance.now() + 30_000;
  while (pending.size > 0 && performance.now() < giveUpAt) await sleep(50);
  for (const subscription of subscriptions) subscription.close();
  if (pending.size > 0) {
    // Where they went: accepted by the gateway, marked sent in its outbox, never seen by scoring?
    const { rows } = await pool.query<{ n: string }>(`
      SELECT count(*) AS n FROM gateway.submissions s
      JOIN gateway.outbox o ON o.value::jsonb ->> 'id' = s.event_id::text AND o.sent_at IS NOT NULL
      WHERE NOT EXISTS (SELECT 1 FROM scoring.processed_events p WHERE p.event_id::text = s.event_id::text)
    `);
    fail(
      `${String(pending.size)} accepted submissions never became visible; ${rows[0]?.n ?? '?'} ` +
        'ResultsSubmitted events are marked sent in gateway.outbox but scoring never received them',
    );
  }
  const measured = visibleMs.filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
  mutationMs.sort((a, b) => a - b);
  const result = {
    rate,
    seconds: round(sendSeconds, 1),
    sent,
    accepted,
    seen: measured.length,
    p50Ms: round(percentile(measured, 0.5), 0),
    p99Ms: round(percentile(measured, 0.99), 0),
    mutationP50Ms: round(percentile(mutationMs, 0.5), 1),
    mutationP99Ms: round(percentile(mutationMs, 0.99), 1),
  };
  say(
    `  ${String(accepted)}/${String(sent)} accepted in ${String(result.seconds)} s; visible p50 ${String(result.p50Ms)} ms, p99 ${String(result.p99Ms)} ms ` +
      `(mutation p50 ${String(result.mutationP50Ms)} ms, p99 ${String(result.mutationP99Ms)} ms)`,
  );
  return result;
}
