import { actorSubject, unitCode as unitCodeSchema } from '@thidua/schema';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import type { Viewer } from './viewer.ts';

/** The issuer and audience of the tokens the gateway signs itself, and of a PEM key's by default. */
export const ownIssuer = 'thidua';
export const ownAudience = 'thidua-gateway';

/** How far ahead of the gateway's clock a token's `iat` may be, for clocks slightly apart. */
const clockSkewSeconds = 60;

/** A token's longest lifetime unless TOKEN_MAX_LIFETIME says otherwise: one working day. */
export const defaultTokenMaxLifetime = 12 * 3600;

const secondsPer: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** A lifetime in seconds, written `90`, `90s`, `30m`, `12h` or `2d`. */
export const lifetimeSeconds = z.union([z.number(), z.string()]).transform((value, context) => {
  const match = /^(\d{1,9})\s*([smhd]?)$/.exec(String(value).trim());
  const seconds = match === null ? 0 : Number(match[1]) * (secondsPer[match[2] ?? ''] ?? 0);
  if (!(seconds > 0)) {
    context.addIssue({
      code: 'custom',
      message: 'must be a positive duration such as 3600, 30m, 12h or 2d',
    });
    return z.NEVER;
  }
  return seconds;
});

/** Why a token was not minted: it would name no valid unit, or outlive the longest lifetime. */
export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
  constructor(
    message: string,
    readonly messageVi: string,
  ) {
    super(message);
  }
}

const key = (secret: string) => new TextEncoder().encode(secret);

/**
 * Signs a bearer token (HS256) for a unit's staff member or the central board. Refuses (throws
 * `TokenRefused`) what the verifier would refuse: a unit code that is not one (`central` included),
 * an empty subject, or a lifetime above `maxLifetime` seconds.
 */
export async function mintToken(
  secret: string,
  who: { subject: string } & ({ unitCode: string } | { central: true }),
  expiresIn: string | number = '12h',
  maxLifetime = defaultTokenMaxLifetime,
): Promise<string> {
  if ('unitCode' in who && !unitCodeSchema.safeParse(who.unitCode).success) {
    throw new TokenRefused(
      `"${who.unitCode}" is not a unit code: a lower-case code such as ha-tinh, and not "central" (the central board is a role: use --central)`,
      `"${who.unitCode}" không phải mã đơn vị: cần mã chữ thường như ha-tinh, và không phải "central" (Ban Tổ chức Trung ương là một vai trò: dùng --central)`,
    );
  }
  if (!actorSubject.safeParse(who.subject).success) {
    throw new TokenRefused(
      'the subject must be 1 to 200 printable characters',
      'Chủ thể phải gồm từ 1 đến 200 ký tự in được',
    );
  }
  const lifetime = lifetimeSeconds.safeParse(expiresIn);
  if (!lifetime.success || lifetime.data > maxLifetime) {
    throw new TokenRefused(
      `the lifetime ${String(expiresIn)} is not between 1 second and the maximum of ${maxLifetime} seconds`,
      `Thời hạn ${String(expiresIn)} phải từ 1 giây đến tối đa ${maxLifetime} giây`,
    );
  }
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = 'central' in who ? { role: 'central' } : { unit: who.unitCode };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(who.subject)
    .setIssuer(ownIssuer)
    .setAudience(ownAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime.data)
    .sign(key(secret));
}

/** The viewer a token names, or null when it is missing, forged, expired or names nobody. */
export type TokenVerifier = (token: string) => Promise<Viewer | null>;

/**
 * Which claims of a token name its holder: the claim holding a unit code, and the claim holding
 * a role (a string or a list of strings) with the value that makes the holder the central board.
 */
export interface ClaimNames {
  unit: string;
  role: string;
  centralRole: string;
}

/** The claims of the tokens the gateway signs itself, and an identity provider's by default. */
export const ownClaims: ClaimNames = { unit: 'unit', role: 'role', centralRole: 'central' };

/**
 * An organisation's identity provider: its public key (PEM), or the address of its key set
 * (JWKS) for keys that rotate; the issuer and audience its tokens must carry; and the claims that
 * name a unit or the central board.
 */
export interface IdentityProvider {
  keys:
    | { publicKeyPem: string }
    | { jwksUrl: URL; refetchCooldownMs?: number; fetchTimeoutMs?: number };
  issuer: string;
  audience: string;
  claims: ClaimNames;
}

/** How long after fetching a key set an unknown `kid` may fetch it again (jose's default). */
const defaultRefetchCooldownMs = 30_000;

/** How long a fetch of the key set may take (jose's default). */
const defaultFetchTimeoutMs = 5_000;

/** Where an outage of the identity provider is told: the service's log. */
export interface OutageLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/**
 * The identity provider's key set could not be fetched (no answer, a timeout, an answer other than
 * 200, or a 200 whose body is not a key set), so no token of it can be checked: the request is
 * refused as the server's fault, not the caller's. The cause is logged, never sent.
 */
export class IdentityProviderUnreachable extends Error {
  override readonly name = 'IdentityProviderUnreachable';
  readonly code = 'IDENTITY_PROVIDER_UNREACHABLE';
  readonly messageVi =
    'Không kiểm tra được mã xác thực: không lấy được bộ khóa của máy chủ định danh';
  constructor(cause: unknown) {
    super("The identity provider's key set could not be fetched", { cause });
  }
}

/**
 * Verifies tokens signed with the shared secret (HS256), or, when an identity provider is given,
 * tokens signed with its keys (RS256, ES256 or EdDSA) and no others. A key set (JWKS) is cached
 * and fetched again when a token names a `kid` it lacks, so the provider may rotate its keys
 * without a restart; while it cannot be fetched, verifying throws `IdentityProviderUnreachable`.
 * Every token must carry a subject and an expiry at most `maxLifetime` seconds after it was issued.
 */
export function createTokenVerifier(
  secret: string,
  provider?: IdentityProvider,
  maxLifetime = defaultTokenMaxLifetime,
  log?: OutageLog,
): TokenVerifier {
  const secretKey = key(secret);
  const verify =
    provider === undefined
      ? (token: string) =>
          verifyWith(token, () => secretKey, ['HS256'], {
            issuer: ownIssuer,
            audience: ownAudience,
            claims: ownClaims,
            maxLifetime,
          })
      : providerVerifier(provider, maxLifetime, log);
  // A client sends the same token with every request; its signature is checked once, and the
  // viewer it names is kept until the token expires. Refused tokens are never kept.
  const verified = new LRUCache<string, Viewer>({ max: 10_000, ttlAutopurge: false });
  return async (token) => {
    const known = verified.get(token);
    if (known !== undefined) return known;
    const viewer = await verify(token);
    if (viewer !== null) {
      verified.set(token, viewer, { ttl: Math.max(1, viewer.expiresAt - Date.now()) });
    }
    return viewer;
  };
}

const providerAlgorithms = ['RS256', 'ES256', 'EdDSA'];

function providerVerifier(
  provider: IdentityProvider,
  maxLifetime: number,
  log: OutageLog | undefined,
) {
  const { keys } = provider;
  let getKey: JWTVerifyGetKey;
  if ('publicKeyPem' in keys) {
    const publicKey = createPublicKey(keys.publicKeyPem);
    getKey = () => publicKey;
  } else {
    getKey = remoteKeySet(keys, log);
  }
  const expected = { ...provider, maxLifetime };
  return (token: string) => verifyWith(token, getKey, providerAlgorithms, expected);
}

/**
 * jose's remote key set, whose failures to fetch become `IdentityProviderUnreachable`. The first
 * failure of an outage is logged at warn with its cause, and the first answer after it at info,
 * so an outage is two lines however many requests it refuses.
 */
function remoteKeySet(
  keys: { jwksUrl: URL; refetchCooldownMs?: number; fetchTimeoutMs?: number },
  log: OutageLog | undefined,
): JWTVerifyGetKey {
  const jwksUrl = keys.jwksUrl.href;
  let outage = false;
  const unreachable = (cause: unknown) => {
    if (!outage) {
      outage = true;
      log?.warn(
        { err: cause, jwksUrl },
        "the identity provider's key set could not be fetched: tokens are refused (503) until it answers",
      );
    }
    return new IdentityProviderUnreachable(cause);
  };
  const remote = createRemoteJWKSet(keys.jwksUrl, {
    cooldownDuration: keys.refetchCooldownMs ?? defaultRefetchCooldownMs,
    timeoutDuration: keys.fetchTimeoutMs ?? defaultFetchTimeoutMs,
    [customFetch]: async (url, options) => {
      let response: Response;
      try {
        response = await fetch(url, options);
      } catch (cause) {
        // No connection, or no answer within the timeout.
        throw unreachable(cause);
      }
      if (response.status !== 200) {
        void response.body?.cancel();
        throw unreachable(new Error(`the key set answered HTTP ${response.status}`));
      }
      // jose would report a body that is no key set as a bad token (401): it is the provider's
      // fault, so it is checked here, with jose's own reading of a key set.
      let body: string;
      try {
        body = await response.text();
      } catch (cause) {
        throw unreachable(cause);
      }
      try {
        createLocalJWKSet(JSON.parse(body) as JSONWebKeySet);
      } catch (cause) {
        throw unreachable(
          new Error('the key set answered 200 with a body that is not a JSON Web Key Set', {
            cause,
          }),
        );
      }
      if (outage) {
        outage = false;
        log?.info({ jwksUrl }, "the identity provider's key set answers again");
      }
      return new Response(body, { status: 200, headers: response.headers });
    },
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      // An answer whose body does not arrive within the timeout.
      throw error instanceof errors.JWKSTimeout ? unreachable(error) : error;
    }
  };
}

interface Expected {
  issuer: string;
  audience: string;
  claims: ClaimNames;
  maxLifetime: number;
}

async function verifyWith(
  token: string,
  getKey: JWTVerifyGetKey,
  algorithms: string[],
  expected: Expected,
): Promise<Viewer | null> {
  const options = {
    issuer: expected.issuer,
    audience: expected.audience,
    algorithms,
    requiredClaims: ['exp', 'sub'],
  };
  try {
    const { payload } = await jwtVerify(token, getKey, options);
    return viewerOf(payload, expected.claims, expected.maxLifetime, Date.now() / 1000);
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

/**
 * The viewer a verified token's claims name, or null. The central board is the role claim
 * holding the central value, without a unit claim; a unit is a unit claim that is a unit code, so
 * `central` can never be one. A token issued in the future or living longer than `maxLifetime`
 * seconds is refused.
 */
function viewerOf(
  payload: JWTPayload,
  claims: ClaimNames,
  maxLifetime: number,
  now: number,
): Viewer | null {
  const { sub, exp, iat } = payload;
  const role = payload[claims.role];
  const unit = payload[claims.unit];
  const subject = actorSubject.safeParse(sub);
  if (!subject.success || exp === undefined) return null;
  if (iat !== undefined && iat > now + clockSkewSeconds) return null;
  if (exp - (iat ?? now) > maxLifetime) return null;
  const expiresAt = exp * 1000;
  const central = Array.isArray(role)
    ? role.includes(claims.centralRole)
    : role === claims.centralRole;
  if (central) {
    return unit === undefined ? { role: 'CENTRAL', subject: subject.data, expiresAt } : null;
  }
  const unitCode = unitCodeSchema.safeParse(unit);
  return unitCode.success
    ? { role: 'UNIT', subject: subject.data, unitCode: unitCode.data, expiresAt }
    : null;
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
