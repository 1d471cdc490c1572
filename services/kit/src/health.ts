import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** What the health endpoints report. */
export interface HealthChecks {
  /** False once the service has failed for good and is shutting down: its supervisor restarts it. */
  isAlive: () => boolean;
  /** True when it can do its work now. */
  isReady: () => boolean;
  /** The service's Prometheus metrics. */
  registry: Registry;
}

/**
 * Answers `/healthz` (200 while the process is alive, 503 once it failed for good), `/readyz` (200
 * only when it can do its work, else 503) and `/metrics` (Prometheus' text format); returns false,
 * answering nothing, for any other path. Every service's health server uses it, and the gateway on
 * its HTTP port.
 */
export function answerHealth(
  request: IncomingMessage,
  response: ServerResponse,
  checks: HealthChecks,
): boolean {
  const path = request.url?.split('?')[0];
  if (path === '/healthz') {
    const alive = checks.isAlive();
    response
      .writeHead(alive ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: alive ? 'ok' : 'failed' }));
    return true;
  }
  if (path === '/readyz') {
    const ready = checks.isAlive() && checks.isReady();
    response
      .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ready ? 'ready' : 'not ready' }));
    return true;
  }
  if (path === '/metrics') {
    checks.registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': checks.registry.contentType }).end(text);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      },
    );
    return true;
  }
  return false;
}

/** A server of the health endpoints alone, on a port of their own. */
export async function startHealthServer(port: number, checks: HealthChecks): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    if (!answerHealth(request, response, checks)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
