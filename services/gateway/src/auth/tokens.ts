import { jwtVerify, SignJWT, errors } from 'jose';
import { LRUCache } from 'lru-cache';
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Viewer } from './viewer.ts';

const issuer = 'thidua';
const audience = 'thidua-gateway';

const key = (secret: string) => new TextEncoder().encode(secret);

/** Signs a bearer token (HS256) for a unit's staff member or the central board. */
export async function mintToken(
  secret: string,
  who: { subject: string } & ({ unitCode: string } | { central: true }),
  expiresIn = '12h',
): Promise<string> {
  const claims = 'central' in who ? { role: 'central' } : { unit: who.unitCode };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(who.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** The viewer a token names, or null when it is missing, forged, expired or names nobody. */
export type TokenVerifier = (token: string) => Promise<Viewer | null>;

/**
 * Verifies tokens signed with the shared secret (HS256), or, when an identity provider's public
 * key (PEM) is given, tokens signed with its private key (RS256, ES256 or EdDSA) and no others.
 * Every token must carry an expiry.
 */
export function createTokenVerifier(secret: string, publicKeyPem?: string): TokenVerifier {
  const publicKey = publicKeyPem === undefined ? null : createPublicKey(publicKeyPem);
  const verify = (token: string) =>
    publicKey === null
      ? verifyWith(token, key(secret), ['HS256'])
      : verifyWith(token, publicKey, ['RS256', 'ES256', 'EdDSA']);
  // A client sends the same token with every request; its signature is checked once, and the
  // viewer it names is kept until the token expires. Refused tokens are never kept.
  const verified = new LRUCache<string, Viewer>({ max: 10_000, ttlAutopurge: false });
  return async (token) => {
    const known = verified.get(token);
    if (known !== undefined) return known;
    const result = await verify(token);
    if (result !== null) {
      verified.set(token, result.viewer, { ttl: Math.max(1, result.expiresAt - Date.now()) });
    }
    return result?.viewer ?? null;
  };
}

async function verifyWith(
  token: string,
  verificationKey: Uint8Array | KeyObject,
  algorithms: string[],
): Promise<{ viewer: Viewer; expiresAt: number } | null> {
  try {
    const { payload } = await jwtVerify(token, verificationKey, {
      issuer,
      audience,
      algorithms,
      requiredClaims: ['exp'],
    });
    const subject = payload.sub ?? '';
    const expiresAt = (payload.exp ?? 0) * 1000;
    if (payload.role === 'central') {
      return { viewer: { subject, central: true, unitCode: null, expiresAt }, expiresAt };
    }
    if (typeof payload.unit === 'string' && payload.unit !== '') {
      return { viewer: { subject, central: false, unitCode: payload.unit, expiresAt }, expiresAt };
    }
    return null;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
