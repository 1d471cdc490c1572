import { reservedUnitCodes, unitCode } from '@thidua/schema';
import type { Kysely } from 'kysely';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { GatewayDatabase } from './database.ts';

/** Who a development sign-in may mint a token for. */
export type DevelopmentIdentity = { unitCode: string } | { central: true };

export interface WebFilesOptions {
  /** The built web app (services/web/dist). */
  root?: string;
  /**
   * Mints a token for a demo identity; given only in development, so that production has no
   * sign-in without the identity provider's token.
   */
  developmentToken: ((who: DevelopmentIdentity) => Promise<string>) | null;
  db: Kysely<GatewayDatabase>;
}

const defaultRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text worth compressing; images and fonts are compressed already. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/** Paths the GraphQL server and the health checks answer. */
const apiPaths = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response
    .writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers })
    .end(body);
}

async function readSmallBody(request: IncomingMessage, limit: number): Promise<string | null> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > limit) return null;
  }
  return text;
}

/** The board and every unit of the demo clusters, with their place in each cluster and year. */
async function identities(db: Kysely<GatewayDatabase>) {
  const clusters = await db
    .selectFrom('clusters')
    .select(['cluster_code', 'year', 'lead', 'deputies', 'members'])
    .orderBy('year')
    .execute();
  const units = new Map<
    string,
    {
      unitCode: string;
      name: string;
      clusters: { clusterCode: string; year: number; role: string }[];
    }
  >();
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      const unit = units.get(member.unitCode) ?? {
        unitCode: member.unitCode,
        name: member.name,
        clusters: [],
      };
      // The newest year's name wins: units are renamed after mergers.
      unit.name = member.name;
      const role =
        cluster.lead === member.unitCode
          ? 'LEAD'
          : cluster.deputies.includes(member.unitCode)
            ? 'DEPUTY'
            : 'MEMBER';
      unit.clusters.push({ clusterCode: cluster.cluster_code, year: cluster.year, role });
      units.set(member.unitCode, unit);
    }
  }
  return [{ unitCode: null, name: 'Ban Tổ chức Trung ương', clusters: [] }, ...[...units.values()]];
}

/**
 * Why a development sign-in may not mint a token for `code` as a unit, as the schema's `unitCode`
 * decides (`central` names the board, not a unit); null when it may, or when no code was sent.
 */
function unitCodeRefusal(code: unknown): { message: string; messageVi: string } | null {
  if (code === undefined || unitCode.safeParse(code).success) return null;
  const shown = JSON.stringify(code);
  if (typeof code === 'string' && reservedUnitCodes.includes(code)) {
    return {
      message: `unitCode ${shown} is reserved for a role and cannot name a unit; send {"central": true} to sign in as the central board`,
      messageVi: `Mã ${shown} dành cho một vai trò, không phải mã đơn vị; gửi {"central": true} để đăng nhập là Ban Tổ chức Trung ương`,
    };
  }
  return {
    message: `unitCode ${shown} is not a unit code such as ha-tinh`,
    messageVi: `${shown} không phải mã đơn vị, ví dụ ha-tinh`,
  };
}

/**
 * The web app's files at `/` (any page path answers index.html, whose script routes it) and, in
 * development only, the demo sign-in at `/dev/identities` and `/dev/token`. Returns whether it
 * answered the request; GraphQL and the health checks are left to the server.
 */
export function createWebFiles(options: WebFilesOptions) {
  const root = options.root ?? defaultRoot;
  // Hashed assets never change under their name, so each is compressed once.
  const gzipped = new Map<string, Buffer>();

  async function serveFile(request: IncomingMessage, response: ServerResponse, path: string) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    const relative = normalize(decoded).replace(/^[/\\]+/, '');
    const file = normalize(root + relative);
    if (!file.startsWith(root) || relative.split(sep).includes('..')) {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    const extension = extname(file);
    const isPage = extension === '' || relative === '';
    try {
      const served = isPage ? `${root}index.html` : file;
      const type = isPage ? '.html' : extension;
      const immutable = relative.startsWith('assets/');
      let body: Buffer = await readFile(served);
      const headers: Record<string, string> = {
        // Vite names built assets by their content's hash: they never change under one name.
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'accept-encoding',
      };
      if (compressible.has(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        const known = immutable ? gzipped.get(served) : undefined;
        body = known ?? gzipSync(body);
        if (immutable) gzipped.set(served, body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      const contentType = contentTypes[type] ?? 'application/octet-stream';
      send(response, 200, contentType, request.method === 'HEAD' ? '' : body, headers);
    } catch {
      send(
        response,
        404,
        'text/plain; charset=utf-8',
        isPage
          ? 'The web app is not built: run `npm run build` (Ứng dụng web chưa được dựng).'
          : 'not found',
      );
    }
  }

  async function developmentSignIn(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    mint: (who: DevelopmentIdentity) => Promise<string>,
  ) {
    if (path === '/dev/identities' && request.method === 'GET') {
      send(response, 200, 'application/json', JSON.stringify(await identities(options.db)));
      return;
    }
    if (path === '/dev/token' && request.method === 'POST') {
      const text = await readSmallBody(request, 1024);
      const asked = (() => {
        try {
          return JSON.parse(text ?? '') as { unitCode?: unknown; central?: unknown };
        } catch {
          return null;
        }
      })();
      const refusal = unitCodeRefusal(asked?.unitCode);
      if (asked?.central !== true && refusal !== null) {
        send(response, 400, 'application/json', JSON.stringify(refusal));
        return;
      }
      const who: DevelopmentIdentity | null =
        asked?.central === true
          ? { central: true }
          : typeof asked?.unitCode === 'string'
            ? { unitCode: asked.unitCode }
            : null;
      if (who === null) {
        send(
          response,
          400,
          'application/json',
          JSON.stringify({
            message: 'send {"unitCode": "<code>"} or {"central": true}',
            messageVi: 'Gửi {"unitCode": "<mã đơn vị>"} hoặc {"central": true}',
          }),
        );
        return;
      }
      send(response, 200, 'application/json', JSON.stringify({ token: await mint(who) }), {
        'cache-control': 'no-store',
      });
      return;
    }
    send(response, 404, 'text/plain; charset=utf-8', 'not found');
  }

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (apiPaths.has(path)) return false;
    if (path === '/dev' || path.startsWith('/dev/')) {
      if (options.developmentToken === null) {
        send(response, 404, 'text/plain; charset=utf-8', 'not found');
      } else {
        developmentSignIn(request, response, path, options.developmentToken).catch(() => {
          if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'failed');
        });
      }
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    serveFile(request, response, path).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'failed');
    });
    return true;
  };
}
