import { randomBytes } from 'node:crypto';
import { Agent, request, type RequestOptions } from 'node:http';
import { fail, percentile, round, say } from './bench-log.ts';

export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** The production gateway of a run signs and checks its tokens with this. */
export const benchSecret = `thidua-bench-${randomBytes(16).toString('hex')}`;

/** A POST to the gateway's GraphQL endpoint, answered as `accept` asks. */
function graphqlPost(
  port: number,
  body: string,
  token: string,
  accept: 'application/json' | 'text/event-stream',
): RequestOptions {
  return {
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
    },
  };
}

export function postJson(
  port: number,
  body: string,
  token: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { ...graphqlPost(port, body, token, 'application/json'), agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface StandingSeen {
  unitCode: string;
  submittedAt: string | null;
}

/**
 * Subscribes to `rankingChanged` for a cluster's period over server-sent events, as a client of
 * the gateway would, and hands each delivered standings' entries to `onStandings`. Resolves once
 * the gateway has answered the subscription.
 */
export function subscribeToRanking(
  port: number,
  token: string,
  cluster: string,
  period: string,
  onStandings: (entries: StandingSeen[]) => void,
): Promise<{ close(): void }> {
  // Not the persisted RankingChanged: this measure needs each entry's submittedAt.
  const body = JSON.stringify({
    query: `subscription($cluster: String!, $period: String!) {
      rankingChanged(cluster: $cluster, period: $period) { entries { unitCode submittedAt } }
    }`,
    variables: { cluster, period },
  });
  return new Promise((resolve, reject) => {
    const req = request(graphqlPost(port, body, token, 'text/event-stream'), (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`rankingChanged(${cluster}) answered ${String(response.statusCode)}`));
        return;
      }
      let buffered = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffered += chunk;
        // Events end with a blank line; their data lines carry the GraphQL result.
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const data = buffered
            .slice(0, end)
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5))
            .join('');
          buffered = buffered.slice(end + 2);
          end = buffered.indexOf('\n\n');
          if (data.trim() === '') continue;
          const result = JSON.parse(data) as {
            data?: { rankingChanged?: { entries: StandingSeen[] } };
          };
          const entries = result.data?.rankingChanged?.entries;
          if (entries === undefined) fail(`rankingChanged(${cluster}) sent ${data.slice(0, 200)}`);
          else onStandings(entries);
        }
      });
      resolve({ close: () => req.destroy() });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    req.end(body);
  });
}

export interface LoadResult {
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** `connections` loops posting `body` back to back for `seconds`; latencies in ms. */
export async function loadTest(
  port: number,
  body: string,
  token: string,
  connections: number,
  seconds: number,
  label: string,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const begin = performance.now();
  const end = begin + seconds * 1000;
  const progress = setInterval(() => {
    const elapsed = (performance.now() - begin) / 1000;
    say(`  ${label}: ${String(latencies.length)} requests in ${elapsed.toFixed(0)} s`);
  }, 5000);
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const response = await postJson(port, body, token);
          if (response.status !== 200 || response.text.includes('"errors"')) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  clearInterval(progress);
  const elapsed = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    reqPerSec: round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p99Ms: round(percentile(latencies, 0.99), 2),
  };
}
