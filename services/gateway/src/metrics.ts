import { Counter, Gauge, Histogram, type ServiceMetrics } from '@thidua/kit';
import { getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** The gateway's own metrics, beside the kit's, in the service's registry. */
export interface GatewayMetrics {
  readonly requestDuration: Histogram<'operation'>;
  /** Errors answered, by `extensions.code` (a refused input, a forbidden read, a malformed body…). */
  readonly refusals: Counter<'code'>;
}

/**
 * Registers the gateway's metrics: request duration by operation name, refusals by error code,
 * and the streams (subscriptions) open now, read from `openStreams` when scraped.
 */
export function createGatewayMetrics(
  metrics: ServiceMetrics,
  openStreams: () => number,
): GatewayMetrics {
  const registers = [metrics.registry];
  new Gauge({
    name: 'thidua_graphql_subscriptions_open',
    help: 'Subscriptions (streams) open on this gateway instance',
    registers,
    collect() {
      this.set(openStreams());
    },
  });
  return {
    requestDuration: new Histogram({
      name: 'thidua_graphql_request_duration_seconds',
      help: 'From a GraphQL request read to its result, by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    refusals: new Counter({
      name: 'thidua_graphql_refusals_total',
      help: 'Errors answered to clients, by error code',
      labelNames: ['code'],
      registers,
    }),
  };
}

/**
 * Times each GraphQL request and counts the errors of its result. An operation is labelled by its
 * name only when it is a persisted one: names sent by clients are not trusted to be few.
 * A subscription is timed until its first result.
 */
export function metricsPlugin(
  metrics: GatewayMetrics,
  isKnownOperation: (name: string) => boolean,
): Plugin {
  const started = new WeakMap<Request, { at: bigint; operation: string }>();
  const nameOperation = (args: ExecutionArgs) => {
    const request = (args.contextValue as { request?: Request }).request;
    const timing = request === undefined ? undefined : started.get(request);
    if (timing === undefined) return;
    const name = getOperationAST(args.document, args.operationName)?.name?.value;
    timing.operation = name !== undefined && isKnownOperation(name) ? name : 'other';
  };
  return {
    onParams({ request }) {
      started.set(request, { at: process.hrtime.bigint(), operation: 'unparsed' });
    },
    onExecute({ args }) {
      nameOperation(args);
    },
    onSubscribe({ args }) {
      nameOperation(args);
    },
    onExecutionResult({ request, result }) {
      const timing = started.get(request);
      if (timing !== undefined) {
        started.delete(request);
        const seconds = Number(process.hrtime.bigint() - timing.at) / 1e9;
        metrics.requestDuration.observe({ operation: timing.operation }, seconds);
      }
      if (result === undefined || isAsyncIterable(result)) return;
      countRefusals(metrics, result);
    },
  };
}

function countRefusals(metrics: GatewayMetrics, result: ExecutionResult): void {
  for (const error of result.errors ?? []) {
    const code = error.extensions.code;
    metrics.refusals.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
  }
}
