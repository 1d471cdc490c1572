import { actorSubject, unitCode as unitCodeSchema } from '@thidua/schema';
import { jwtVerify, SignJWT, errors, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Viewer } from './viewer.ts';

const issuer = 'thidua';
const audience = 'thidua-gateway';

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
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime.data)
    .sign(key(secret));
}

/** The viewer a token names, or null when it is missing, forged, expired or names nobody. */
export type TokenVerifier = (token: string) => Promise<Viewer | null>;

/**
 * Verifies tokens signed with the shared secret (HS256), or, when an identity provider's public
 * key (PEM) is given, tokens signed with its private key (RS256, ES256 or EdDSA) and no others.
 * Every token must carry a subject and an expiry at most `maxLifetime` seconds after it was issued.
 */
export function createTokenVerifier(
  secret: string,
  publicKeyPem?: string,
  maxLifetime = defaultTokenMaxLifetime,
): TokenVerifier {
  const publicKey = publicKeyPem === undefined ? null : createPublicKey(publicKeyPem);
  const verify = (token: string) =>
    publicKey === null
      ? verifyWith(token, key(secret), ['HS256'], maxLifetime)
      : verifyWith(token, publicKey, ['RS256', 'ES256', 'EdDSA'], maxLifetime);
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

async function verifyWith(
  token: string,
  verificationKey: Uint8Array | KeyObject,
  algorithms: string[],
  maxLifetime: number,
): Promise<Viewer | null> {
  try {
    const { payload } = await jwtVerify(token, verificationKey, {
      issuer,
      audience,
      algorithms,
      requiredClaims: ['exp', 'sub'],
    });
    return viewerOf(payload, maxLifetime, Date.now() / 1000);
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

/**
 * The viewer a verified token's claims name, or null. The central board is the `role: central`
 * claim alone; a unit is a `unit` claim that is a unit code, so `central` can never be one. A token
 * issued in the future or living longer than `maxLifetime` seconds is refused.
 */
function viewerOf(payload: JWTPayload, maxLifetime: number, now: number): Viewer | null {
  const { sub, exp, iat, role, unit } = payload;
  const subject = actorSubject.safeParse(sub);
  if (!subject.success || exp === undefined) return null;
  if (iat !== undefined && iat > now + clockSkewSeconds) return null;
  if (exp - (iat ?? now) > maxLifetime) return null;
  const expiresAt = exp * 1000;
  if (role === 'central') {
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
