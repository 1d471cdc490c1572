import { SignJWT, type CryptoKey } from 'jose';

/**
 * An access token for the ha-tinh portal, of ten minutes, as an identity provider would issue it:
 * signed (ES256) with `privateKey`, whose key-set entry `kid` names.
 */
export const providerToken = (
  privateKey: CryptoKey,
  kid: string,
  claimed: { issuer: string; audience: string },
): Promise<string> =>
  new SignJWT({ unit: 'ha-tinh' })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('ha-tinh-portal')
    .setIssuer(claimed.issuer)
    .setAudience(claimed.audience)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
