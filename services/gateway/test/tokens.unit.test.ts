import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { createTokenVerifier, mintToken } from '../src/auth/tokens.ts';

const secret = 'a-test-secret-of-at-least-32-characters';

describe('bearer tokens', () => {
  test('with a shared secret: its own tokens name their unit, others are refused', async () => {
    const verify = createTokenVerifier(secret);
    const token = await mintToken(secret, { subject: 'staff@ha-tinh', unitCode: 'ha-tinh' });
    expect(await verify(token)).toEqual({
      subject: 'staff@ha-tinh',
      central: false,
      unitCode: 'ha-tinh',
      expiresAt: expect.any(Number) as number,
    });
    const forged = await mintToken(`${secret}-other`, { subject: 'x', central: true });
    expect(await verify(forged)).toBeNull();
  });

  test("with an identity provider's public key: its signed tokens pass, secret-signed ones do not", async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const verify = createTokenVerifier(secret, await exportSPKI(publicKey));
    const signed = await new SignJWT({ role: 'central' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('board@btctw')
      .setIssuer('thidua')
      .setAudience('thidua-gateway')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await verify(signed)).toEqual({
      subject: 'board@btctw',
      central: true,
      unitCode: null,
      expiresAt: expect.any(Number) as number,
    });
    expect(await verify(await mintToken(secret, { subject: 'x', central: true }))).toBeNull();
  });

  test('a verified token is kept only until it expires, and a token without an expiry is refused', async () => {
    const verify = createTokenVerifier(secret);
    const shortLived = await mintToken(secret, { subject: 's', unitCode: 'ha-tinh' }, '2s');
    expect(await verify(shortLived)).toMatchObject({ unitCode: 'ha-tinh' });
    expect(await verify(shortLived)).toMatchObject({ unitCode: 'ha-tinh' });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await verify(shortLived)).toBeNull();

    const endless = await new SignJWT({ role: 'central' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('thidua')
      .setAudience('thidua-gateway')
      .sign(new TextEncoder().encode(secret));
    expect(await verify(endless)).toBeNull();
  });
});
