import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { answerHealth, type HealthChecks } from '@thidua/kit';
import { createYoga, type Plugin } from 'graphql-yoga';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { identityProviderError } from './auth/require-viewer.ts';
import { bearerToken, IdentityProviderUnreachable, type TokenVerifier } from './auth/tokens.ts';
import type { GatewayContext } from './builder.ts';
import { errorCodesPlugin } from './error-codes.ts';
import { createEvidenceRoutes } from './evidence/routes.ts';
import { createFileRoutes } from './files/routes.ts';
import { limitPlugins, limits } from './limits.ts';
import { metricsPlugin, type GatewayMetrics } from './metrics.ts';
import { loadPersistedOperations } from './persisted-operations.ts';
import { schema } from './schema/index.ts';
import { createWebFiles, type DevelopmentIdentity } from './web-files.ts';

export interface GatewayServerOptions {
  context: Omit<GatewayContext, 'viewer'>;
  /** Verifies the bearer tokens of requests. */
  verifyToken: TokenVerifier;
  isReady: () => boolean;
  /** Liveness and the metrics served beside readiness. */
  health: Omit<HealthChecks, 'isReady'>;
  metrics: GatewayMetrics;
  /** Development shows GraphiQL and unmasked error details. */
  development: boolean;
  /** The web origins whose pages may call the API (CORS); none: same origin only. */
  corsOrigins: readonly string[];
  timeouts: HttpTimeouts;
  /** Runs only the operations of `schema/graphql/operations`, sent by their sha256. */
  persistedOperationsOnly: boolean;
  /** Mints a demo identity's token for the web app's sign-in page; used in development only. */
  developmentToken?: (who: DevelopmentIdentity) => Promise<string>;
}

/** How long a client may take, in milliseconds; a slow client's socket is closed after that. */
export interface HttpTimeouts {
  /** To send a request's headers. */
  headersMs: number;
  /** To send a whole request, body included (a response may stream for longer). */
  requestMs: number;
  /** An idle kept-alive connection waits this long for the next request. */
  keepAliveMs: number;
}

export const defaultTimeouts: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/** Node's options for `timeouts`; Node checks the first two only every `connectionsCheckingInterval`. */
const serverTimeouts = ({ headersMs, requestMs, keepAliveMs }: HttpTimeouts) => ({
  headersTimeout: headersMs,
  requestTimeout: requestMs,
  keepAliveTimeout: keepAliveMs,
  connectionsCheckingInterval: Math.min(headersMs, 1_000),
});

/** Once some origins are allowed, answers differ by Origin: caches must keep them apart. */
const varyByOrigin: Plugin = {
  onResponse: ({ response }) => {
    response.headers.append('vary', 'Origin');
  },
};

const errorBody = (message: string, code: string) =>
  JSON.stringify({ errors: [{ message, extensions: { code } }] });

/**
 * Why a request body is refused before GraphQL reads it, if it is: bodies are bounded, and only
 * JSON is taken. A form or text body is what a page of another site can send without a CORS
 * preflight, so taking one would let that page act with the user's credentials (CSRF); no
 * operation takes files.
 */
function bodyRefusal(
  request: IncomingMessage,
): { status: number; code: string; body: string } | null {
  if (request.method !== 'POST') return null;
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  if (!Number.isFinite(length)) {
    return {
      status: 411,
      code: 'LENGTH_REQUIRED',
      body: errorBody('Content-Length required (Cần có tiêu đề Content-Length)', 'LENGTH_REQUIRED'),
    };
  }
  if (length > limits.bodyBytes) {
    const message = `request body over ${String(limits.bodyBytes)} bytes (Nội dung yêu cầu vượt quá ${String(limits.bodyBytes)} byte)`;
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      body: errorBody(message, 'PAYLOAD_TOO_LARGE'),
    };
  }
  const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    const message =
      'send GraphQL requests as application/json (Gửi yêu cầu GraphQL dưới dạng application/json)';
    const code = 'UNSUPPORTED_MEDIA_TYPE';
    return { status: 415, code, body: errorBody(message, code) };
  }
  return null;
}

/** The HTTP server: GraphQL (with GraphiQL in development) at /graphql, and the health endpoints. */
export function createGatewayServer(options: GatewayServerOptions): Server {
  const operations = loadPersistedOperations();
  const operationNames = new Set([...operations.values()].map((operation) => operation.name));
  const corsOrigins = new Set(options.corsOrigins);
  const yoga = createYoga({
    schema,
    graphiql: options.development ? { title: 'thidua – GraphQL' } : false,
    // Only the configured origins get CORS headers, each its own; the API takes bearer tokens,
    // never cookies, so no origin is allowed credentials.
    cors: (request) => {
      const origin = request.headers.get('origin');
      return origin !== null && corsOrigins.has(origin)
        ? { origin, credentials: false, methods: ['GET', 'POST'], maxAge: 600 }
        : false;
    },
    multipart: false,
    context: async ({ request }): Promise<GatewayContext> => {
      const token = bearerToken(request.headers.get('authorization'));
      try {
        const viewer = token === null ? null : await options.verifyToken(token);
        return { ...options.context, viewer };
      } catch (error) {
        throw error instanceof IdentityProviderUnreachable ? identityProviderError(error) : error;
      }
    },
    maskedErrors: { isDev: options.development },
    plugins: [
      // Any client may send a known operation by hash; other documents only when allowed.
      usePersistedOperations({
        getPersistedOperation: (hash) => operations.get(hash)?.document ?? null,
        allowArbitraryOperations: !options.persistedOperationsOnly,
      }),
      ...limitPlugins(!options.development),
      errorCodesPlugin(!options.development),
      ...(corsOrigins.size > 0 ? [varyByOrigin] : []),
      // Last, so that it counts the errors with the codes the plugins above gave them.
      metricsPlugin(options.metrics, (name) => operationNames.has(name)),
    ],
    landingPage: false,
  });
  const web = createWebFiles({
    db: options.context.db,
    developmentToken: options.development ? (options.developmentToken ?? null) : null,
  });
  // Spreadsheets and documents (exports, the import template and import), with the same tokens.
  const files = createFileRoutes({ context: options.context, verifyToken: options.verifyToken });
  const evidence = createEvidenceRoutes({
    context: options.context,
    verifyToken: options.verifyToken,
  });
  return createServer(serverTimeouts(options.timeouts), (request, response) => {
    if (files(request, response)) return;
    if (evidence(request, response)) return;
    // The web app's files and its development sign-in; GraphQL and health checks pass through.
    if (web(request, response)) return;
    if (answerHealth(request, response, { ...options.health, isReady: options.isReady })) return;
    const refusal = bodyRefusal(request);
    if (refusal !== null) {
      options.metrics.refusals.inc({ code: refusal.code });
      response.writeHead(refusal.status, { 'content-type': 'application/json' }).end(refusal.body);
      return;
    }
    void yoga(request, response);
  });
}
