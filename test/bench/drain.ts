import { topicName, type PeriodSummary } from '@thidua/schema';
import type { Admin, Kafka } from 'kafkajs';
import type pg from 'pg';
import { fail, failures, round, say, sleep } from './bench-log.ts';
import type { BareResult } from './bare-stage.ts';
import type { OutboxLoad } from './outbox-load.ts';
import type { Workload } from './workload.ts';

interface DrainProgress {
  reportingCards: number;
  reportingVersions: number;
  rankingCards: number;
  rankingVersions: number;
}

/**
 * What ranking and reporting have counted. The query runs on the database being measured, so the
 * drain polls it only every 250 ms (a pg_stat_statements run found polling every 100 ms, with an
 * outbox count every 3 s, took a sixth of PostgreSQL's time in the drain).
 */
async function drainProgress(pool: pg.Pool): Promise<DrainProgress> {
  const { rows } = await pool.query<{ rc: string; rv: string; kc: string; kv: string }>(`
    SELECT (SELECT count(*) FROM reporting.scorecards) AS rc,
           (SELECT coalesce(sum(submission_version), 0) FROM reporting.scorecards) AS rv,
           (SELECT count(*) FROM ranking.scorecards) AS kc,
           (SELECT coalesce(sum(submission_version), 0) FROM ranking.scorecards) AS kv
  `);
  const row = rows[0];
  return {
    reportingCards: Number(row?.rc ?? 0),
    reportingVersions: Number(row?.rv ?? 0),
    rankingCards: Number(row?.kc ?? 0),
    rankingVersions: Number(row?.kv ?? 0),
  };
}

/**
 * How many events the gateway's relay has published: the contest topic's end offsets, from Kafka.
 * The figure only decorates a progress line, so a retriable refusal (a partition whose leadership
 * the admin client has not learnt yet, just after the topics were created) gives "?" and the next
 * line asks again.
 */
async function relayedEvents(admin: Admin, namespace: string): Promise<string> {
  try {
    const offsets = await admin.fetchTopicOffsets(topicName(namespace, 'contest'));
    return String(offsets.reduce((sum, partition) => sum + Number(partition.high), 0));
  } catch (error) {
    // kafkajs' CommonJS errors are not named ESM exports; its errors carry `retriable`.
    if (error instanceof Error && 'retriable' in error && error.retriable === true) return '?';
    throw error;
  }
}

export interface DrainResult {
  events: number;
  submissions: number;
  seconds: number;
  eventsPerSec: number;
  submissionsPerSec: number;
  ratioToBareStage: number;
  scorecardEvents: number;
  standingsEvents: number;
  drained: boolean;
}

/**
 * Waits, from the moment the gateway (and so its relay) was started, until ranking and reporting
 * have counted every submission version of the workload; then checks that nothing went to a dead
 * letter and that each period's summary over all clusters counts every unit. The time runs from
 * the first relayed batch (min outbox.sent_at), not from the gateway's start.
 */
export async function measureDrain(
  kafka: Kafka,
  pool: pg.Pool,
  namespace: string,
  workload: Workload,
  load: OutboxLoad,
  events: number,
  bare: BareResult,
): Promise<DrainResult> {
  const { counts } = workload;
  const expected = { cards: workload.unitPeriods.length, versions: counts.submissions };
  const drainTimeoutMs = Math.max(180_000, counts.submissions * 3);
  const drainBegin = Date.now();
  let drained: DrainProgress | null = null;
  let lastReport = 0;
  const progressAdmin = kafka.admin();
  await progressAdmin.connect();
  for (;;) {
    const now = Date.now();
    const report = now - lastReport > 3000;
    const p = await drainProgress(pool);
    if (
      p.reportingCards === expected.cards &&
      p.reportingVersions === expected.versions &&
      p.rankingCards === expected.cards &&
      p.rankingVersions === expected.versions
    ) {
      drained = p;
      break;
    }
    if (report) {
      lastReport = now;
      say(
        `  drain: relayed ${await relayedEvents(progressAdmin, namespace)}/${String(load.commands - load.refused)}, ` +
          `ranking ${String(p.rankingVersions)}/${String(expected.versions)}, ` +
          `reporting ${String(p.reportingVersions)}/${String(expected.versions)} submission versions counted`,
      );
    }
    if (now - drainBegin > drainTimeoutMs || failures.some((f) => f.includes('exited'))) {
      fail(
        `drain did not finish: ranking counted ${String(p.rankingVersions)} and reporting ` +
          `${String(p.reportingVersions)} of ${String(expected.versions)} versions`,
      );
      break;
    }
    await sleep(250);
  }
  const drainEnd = Date.now();
  await progressAdmin.disconnect();
  const { rows: firstSent } = await pool.query<{ t: Date | null }>(
    'SELECT min(sent_at) AS t FROM gateway.outbox',
  );
  const drainStart = firstSent[0]?.t?.getTime() ?? drainBegin;
  const drainSeconds = (drainEnd - drainStart) / 1000;
  const { rows: amplification } = await pool.query<{ s: string; r: string; p: string }>(`
    SELECT (SELECT count(*) FROM scoring.outbox WHERE topic = 'scores') AS s,
           (SELECT count(*) FROM ranking.outbox WHERE topic = 'rankings') AS r,
           (SELECT count(*) FROM scoring.outbox WHERE topic = 'dlq')
           + (SELECT count(*) FROM ranking.outbox WHERE topic = 'dlq')
           + (SELECT count(*) FROM reporting.outbox WHERE topic = 'dlq') AS p
  `);
  const scorecardEvents = Number(amplification[0]?.s ?? 0);
  const standingsEvents = Number(amplification[0]?.r ?? 0);
  const deadLetters = Number(amplification[0]?.p ?? 0);
  if (deadLetters > 0) fail(`${String(deadLetters)} dead letters`);
  const { rows: summaryRows } = await pool.query<{ period_id: string; summary: PeriodSummary }>(
    "SELECT period_id, summary FROM reporting.published_summaries WHERE cluster_code = '*'",
  );
  for (const periodId of workload.periods) {
    const summary = summaryRows.find((row) => row.period_id === periodId)?.summary;
    const want = workload.unitPeriods.filter((u) => u.periodId === periodId).length;
    if (summary?.submitted !== want) {
      fail(
        `summary of ${periodId} over all clusters counts ${String(summary?.submitted)} submitted, not ${String(want)}`,
      );
    }
  }
  const drain = {
    events,
    submissions: counts.submissions,
    seconds: round(drainSeconds, 2),
    eventsPerSec: round(events / drainSeconds, 0),
    submissionsPerSec: round(counts.submissions / drainSeconds, 0),
    ratioToBareStage: round(events / drainSeconds / bare.eventsPerSec, 3),
    scorecardEvents,
    standingsEvents,
    drained: drained !== null,
  };
  say(
    `  drained ${String(drain.submissions)} submissions (${String(drain.events)} contest events) in ${String(drain.seconds)} s: ` +
      `${String(drain.submissionsPerSec)} submissions/s; ${String(scorecardEvents)} ScorecardComputed, ${String(standingsEvents)} StandingsChanged emitted`,
  );
  return drain;
}
