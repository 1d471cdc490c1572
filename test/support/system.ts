import type { CommonSettings, RunningService } from '@thidua/kit';
import { createAwardsService } from '@thidua/awards';
import { createGatewayService, mintToken, type GatewayService } from '@thidua/gateway';
import { createRankingService } from '@thidua/ranking';
import { createReportingService } from '@thidua/reporting';
import { createScoringService } from '@thidua/scoring';
import { testSettings } from './database.ts';

/** A GraphQL response body; tests narrow `data` to the shape their operation asks for. */
export interface GraphqlResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

export interface RunningSystem {
  settings: CommonSettings;
  gateway: GatewayService;
  /** The consuming services, each with a health server on a port of its own. */
  consumers: Record<'scoring' | 'ranking' | 'reporting' | 'awards', RunningService>;
  /**
   * Posts a GraphQL operation to the gateway over HTTP, signed in as `as` (a unit's code,
   * `central`, or null for no token), and returns the parsed body.
   */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    as?: string | null,
  ): Promise<GraphqlResponse>;
  stop(): Promise<void>;
}

/** The secret the tests' gateways verify tokens with. */
export const authSecret = 'thidua-test-secret-0123456789abcdef';

/** A signed token for a unit's staff, or for the central board when `who` is `central`. */
export function tokenFor(who: string): Promise<string> {
  return who === 'central'
    ? mintToken(authSecret, { subject: 'test-central', central: true })
    : mintToken(authSecret, { subject: `test-staff@${who}`, unitCode: who });
}

/**
 * Starts the gateway, scoring, ranking, reporting and awards services in this process, against the real broker and
 * database, exactly as their own main modules wire them.
 */
export async function startSystem(
  settings: CommonSettings = testSettings(),
): Promise<RunningSystem> {
  const scoring = createScoringService(settings, 0);
  const ranking = createRankingService(settings, 0);
  const reporting = createReportingService(settings, 0);
  const awards = createAwardsService(settings, 0);
  const gateway = createGatewayService(settings, { port: 0, development: true, authSecret });
  await Promise.all([
    scoring.start(),
    ranking.start(),
    reporting.start(),
    awards.start(),
    gateway.start(),
  ]);
  return {
    settings,
    gateway,
    consumers: { scoring, ranking, reporting, awards },
    async graphql(query, variables = {}, as = 'central') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as !== null) headers.authorization = `Bearer ${await tokenFor(as)}`;
      const response = await fetch(gateway.url(), {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResponse;
    },
    async stop() {
      await Promise.all([
        gateway.stop(),
        awards.stop(),
        reporting.stop(),
        ranking.stop(),
        scoring.stop(),
      ]);
    },
  };
}

/** Retries `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
