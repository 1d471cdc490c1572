import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Answers `/healthz` (200 while the process lives) and `/readyz` (200 only when it can do its
 * work, else 503); returns false, answering nothing, for any other path. Every service's health
 * server uses it, and the gateway on its HTTP port.
 */
export function answerHealth(
  request: IncomingMessage,
  response: ServerResponse,
  isReady: () => boolean,
): boolean {
  const path = request.url?.split('?')[0];
  if (path === '/healthz') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return true;
  }
  if (path === '/readyz') {
    const ready = isReady();
    response
      .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ready ? 'ready' : 'not ready' }));
    return true;
  }
  return false;
}

/** A server of the health endpoints alone, on a port of their own. */
export async function startHealthServer(
  port: number,
  isReady: () => boolean,
): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    if (!answerHealth(request, response, isReady)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
