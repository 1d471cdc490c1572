import { jwtVerify, SignJWT, errors } from 'jose';
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
 */
export function createTokenVerifier(secret: string, publicKeyPem?: string): TokenVerifier {
  if (publicKeyPem === undefined) return (token) => verifyWith(token, key(secret), ['HS256']);
  const publicKey = createPublicKey(publicKeyPem);
  return (token) => verifyWith(token, publicKey, ['RS256', 'ES256', 'EdDSA']);
}

async function verifyWith(
  token: string,
  verificationKey: Uint8Array | KeyObject,
  algorithms: string[],
): Promise<Viewer | null> {
  try {
    const { payload } = await jwtVerify(token, verificationKey, { issuer, audience, algorithms });
    const subject = payload.sub ?? '';
    if (payload.role === 'central') return { subject, central: true, unitCode: null };
    if (typeof payload.unit === 'string' && payload.unit !== '') {
      return { subject, central: false, unitCode: payload.unit };
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
