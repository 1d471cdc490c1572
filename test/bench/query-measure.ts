import { mintToken } from '@thidua/gateway';
import type { StandingEntry } from '@thidua/schema';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { operationDocument } from '../support/operations.ts';
import { fail, round, say } from './bench-log.ts';
import { benchSecret, loadTest, postJson, type LoadResult } from './http-load.ts';
import type { Workload } from './workload.ts';

export interface QueryResult {
  cluster: string;
  period: string;
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  bareReqPerSec: number;
  bareP50Ms: number;
  bareP99Ms: number;
  ratioToBare: number;
}

/**
 * The gateway's persisted Ranking query at 20 connections, then a bare graphql-yoga endpoint
 * (bare-yoga.ts, its own process) serving the same standings from memory, at the same load.
 */
export async function measureQuery(
  workload: Workload,
  gatewayPort: number,
  root: string,
): Promise<QueryResult> {
  const cluster = workload.clusters[0]?.code ?? 'cum-001';
  const period = workload.periods[0] ?? `${String(workload.year)}-H1`;
  const queryBody = JSON.stringify({
    query: operationDocument('Ranking'),
    variables: { cluster, period },
  });
  const centralToken = await mintToken(benchSecret, { subject: 'bench', central: true });
  const sample = await postJson(gatewayPort, queryBody, centralToken);
  const sampleBody = JSON.parse(sample.text) as {
    data?: { ranking?: { entries: StandingEntry[] } | null };
  };
  const standings = sampleBody.data?.ranking ?? null;
  if (standings === null || standings.entries.length !== workload.preset.unitsPerCluster) {
    fail(`ranking of ${cluster} ${period} is not there: ${sample.text.slice(0, 200)}`);
  }
  const seconds = workload.preset.querySeconds;
  say(`query: ranking(${cluster}, ${period}) at 20 connections for ${String(seconds)} s…`);
  await loadTest(gatewayPort, queryBody, centralToken, 20, 3, 'warm-up');
  const gatewayLoad = await loadTest(gatewayPort, queryBody, centralToken, 20, seconds, 'gateway');
  const bareChild = spawn(process.execPath, ['--import', 'tsx', 'test/bench/bare-yoga.ts'], {
    cwd: root,
    env: { ...process.env, BARE_STANDINGS: JSON.stringify(standings) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const barePort = await new Promise<number>((resolve, reject) => {
    createInterface({ input: bareChild.stdout }).once('line', (line) => resolve(Number(line)));
    bareChild.once('exit', () => reject(new Error('the bare yoga endpoint exited')));
  });
  let bareLoad: LoadResult;
  try {
    const bareSample = await postJson(barePort, queryBody, centralToken);
    if (bareSample.text !== sample.text) {
      say(`  note: the bare endpoint's answer differs: ${bareSample.text.slice(0, 200)}`);
    }
    await loadTest(barePort, queryBody, centralToken, 20, 3, 'warm-up');
    bareLoad = await loadTest(barePort, queryBody, centralToken, 20, seconds, 'bare yoga');
  } finally {
    bareChild.kill('SIGTERM');
  }
  const query = {
    cluster,
    period,
    connections: 20,
    seconds,
    reqPerSec: gatewayLoad.reqPerSec,
    p50Ms: gatewayLoad.p50Ms,
    p99Ms: gatewayLoad.p99Ms,
    errors: gatewayLoad.errors,
    bareReqPerSec: bareLoad.reqPerSec,
    bareP50Ms: bareLoad.p50Ms,
    bareP99Ms: bareLoad.p99Ms,
    ratioToBare: round(gatewayLoad.reqPerSec / bareLoad.reqPerSec, 3),
  };
  if (gatewayLoad.errors > 0) fail(`${String(gatewayLoad.errors)} ranking queries failed`);
  say(
    `  gateway ${String(query.reqPerSec)} req/s (p50 ${String(query.p50Ms)} ms, p99 ${String(query.p99Ms)} ms); ` +
      `bare yoga ${String(query.bareReqPerSec)} req/s (p50 ${String(query.bareP50Ms)} ms, p99 ${String(query.bareP99Ms)} ms)`,
  );
  return query;
}
