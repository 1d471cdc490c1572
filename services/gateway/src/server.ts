import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createYoga } from 'graphql-yoga';
import { createServer, type Server } from 'node:http';
import { bearerToken, type TokenVerifier } from './auth/tokens.ts';
import type { GatewayContext } from './builder.ts';
import { limitPlugins, limits } from './limits.ts';
import { loadPersistedOperations } from './persisted-operations.ts';
import { schema } from './schema/index.ts';
import { createWebFiles, type DevelopmentIdentity } from './web-files.ts';

export interface GatewayServerOptions {
  context: Omit<GatewayContext, 'viewer'>;
  /** Verifies the bearer tokens of requests. */
  verifyToken: TokenVerifier;
  isReady: () => boolean;
  /** Development shows GraphiQL and unmasked error details. */
  development: boolean;
  /** Runs only the operations of `schema/graphql/operations`, sent by their sha256. */
  persistedOperationsOnly: boolean;
  /** Mints a demo identity's token for the web app's sign-in page; used in development only. */
  developmentToken?: (who: DevelopmentIdentity) => Promise<string>;
}

/** The HTTP server: GraphQL (with GraphiQL) at /graphql, and the health endpoints. */
export function createGatewayServer(options: GatewayServerOptions): Server {
  const operations = loadPersistedOperations();
  const yoga = createYoga({
    schema,
    graphiql: { title: 'thidua – GraphQL' },
    context: async ({ request }): Promise<GatewayContext> => {
      const token = bearerToken(request.headers.get('authorization'));
      const viewer = token === null ? null : await options.verifyToken(token);
      return { ...options.context, viewer };
    },
    maskedErrors: { isDev: options.development },
    plugins: [
      // Any client may send a known operation by hash; other documents only when allowed.
      usePersistedOperations({
        getPersistedOperation: (hash) => operations.get(hash)?.document ?? null,
        allowArbitraryOperations: !options.persistedOperationsOnly,
      }),
      ...limitPlugins(!options.development),
    ],
    landingPage: false,
  });
  const web = createWebFiles({
    db: options.context.db,
    developmentToken: options.development ? (options.developmentToken ?? null) : null,
  });
  return createServer((request, response) => {
    // The web app's files and its development sign-in; GraphQL and health checks pass through.
    if (web(request, response)) return;
    const path = request.url?.split('?')[0];
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path === '/readyz') {
      const ready = options.isReady();
      response
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ready ? 'ready' : 'not ready' }));
      return;
    }
    // Bodies are bounded before GraphQL reads them; a body without a declared length is refused.
    if (request.method === 'POST') {
      const length = Number(request.headers['content-length'] ?? Number.NaN);
      if (!Number.isFinite(length)) {
        response
          .writeHead(411, { 'content-type': 'application/json' })
          .end('{"errors":[{"message":"Content-Length required"}]}');
        return;
      }
      if (length > limits.bodyBytes) {
        response
          .writeHead(413, { 'content-type': 'application/json' })
          .end(`{"errors":[{"message":"request body over ${String(limits.bodyBytes)} bytes"}]}`);
        return;
      }
    }
    void yoga(request, response);
  });
}
