import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createTokenVerifier, mintToken, ownClaims, TokenRefused } from '../src/auth/tokens.ts';

const secret = 'a-test-secret-of-at-least-32-characters';

describe('bearer tokens', () => {
  test('with a shared secret: its own tokens name their unit, others are refused', async () => {
    const verify = createTokenVerifier(secret);
    const token = await mintToken(secret, { subject: 'staff@ha-tinh', unitCode: 'ha-tinh' });
    expect(await verify(token)).toEqual({
      role: 'UNIT',
      subject: 'staff@ha-tinh',
      unitCode: 'ha-tinh',
      expiresAt: expect.any(Number) as number,
    });
    const forged = await mintToken(`${secret}-other`, { subject: 'x', central: true });
    expect(await verify(forged)).toBeNull();
  });

  test("with an identity provider's public key: its signed tokens pass, secret-signed ones do not", async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const verify = createTokenVerifier(secret, {
      keys: { publicKeyPem: await exportSPKI(publicKey) },
      issuer: 'thidua',
      audience: 'thidua-gateway',
      claims: ownClaims,
    });
    const signed = await new SignJWT({ role: 'central' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('board@btctw')
      .setIssuer('thidua')
      .setAudience('thidua-gateway')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await verify(signed)).toEqual({
      role: 'CENTRAL',
      subject: 'board@btctw',
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

  describe('claims: the central board is a role, a unit claim is a unit code, lifetimes are bounded', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const signed = (claims: Record<string, unknown>, times: { iat?: number; exp: number }) => {
      const jwt = new SignJWT({ ...claims, ...(times.iat === undefined ? {} : { iat: times.iat }) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuer('thidua')
        .setAudience('thidua-gateway')
        .setExpirationTime(times.exp);
      return jwt.sign(new TextEncoder().encode(secret));
    };

    test('a unit claim of "central" is refused, and so is a role claim with a unit', async () => {
      const verify = createTokenVerifier(secret);
      const hour = { iat: now(), exp: now() + 3600 };
      expect(await verify(await signed({ unit: 'central' }, hour))).toBeNull();
      expect(await verify(await signed({ role: 'central', unit: 'ha-tinh' }, hour))).toBeNull();
      expect(await verify(await signed({ role: 'central' }, hour))).toMatchObject({
        role: 'CENTRAL',
      });
    });

    test('a unit claim that is not a slug is refused', async () => {
      const verify = createTokenVerifier(secret);
      const hour = { iat: now(), exp: now() + 3600 };
      for (const unit of ['Ha Tinh', 'HA-TINH', 'ha_tinh', '', 'ha-tinh-', 42, ['ha-tinh']]) {
        expect(await verify(await signed({ unit }, hour))).toBeNull();
      }
      expect(await verify(await signed({ unit: 'ha-tinh' }, hour))).toMatchObject({
        role: 'UNIT',
        unitCode: 'ha-tinh',
      });
    });

    test('an iat in the future is refused beyond a minute of clock skew', async () => {
      const verify = createTokenVerifier(secret);
      expect(
        await verify(await signed({ unit: 'ha-tinh' }, { iat: now() + 3600, exp: now() + 7200 })),
      ).toBeNull();
      expect(
        await verify(await signed({ unit: 'ha-tinh' }, { iat: now() + 120, exp: now() + 3600 })),
      ).toBeNull();
      expect(
        await verify(await signed({ unit: 'ha-tinh' }, { iat: now() + 30, exp: now() + 3600 })),
      ).toMatchObject({ unitCode: 'ha-tinh' });
    });

    test('a lifetime above the maximum (12 h unless configured) is refused, with or without iat', async () => {
      const verify = createTokenVerifier(secret);
      const decades = now() + 30 * 365 * 86_400;
      expect(
        await verify(await signed({ unit: 'ha-tinh' }, { iat: now(), exp: decades })),
      ).toBeNull();
      expect(await verify(await signed({ role: 'central' }, { exp: decades }))).toBeNull();
      expect(
        await verify(await signed({ unit: 'ha-tinh' }, { iat: now(), exp: now() + 13 * 3600 })),
      ).toBeNull();
      expect(
        await verify(await signed({ unit: 'ha-tinh' }, { exp: now() + 11 * 3600 })),
      ).toMatchObject({
        unitCode: 'ha-tinh',
      });
      const hourAtMost = createTokenVerifier(secret, undefined, 3600);
      expect(
        await hourAtMost(await signed({ unit: 'ha-tinh' }, { iat: now(), exp: now() + 7200 })),
      ).toBeNull();
      expect(
        await hourAtMost(await signed({ unit: 'ha-tinh' }, { iat: now(), exp: now() + 3000 })),
      ).toMatchObject({
        unitCode: 'ha-tinh',
      });
    });

    test('mintToken refuses what the verifier would refuse', async () => {
      await expect(mintToken(secret, { subject: 's', unitCode: 'central' })).rejects.toThrow(
        TokenRefused,
      );
      await expect(mintToken(secret, { subject: 's', unitCode: 'Ha Tinh' })).rejects.toThrow(
        /not a unit code/,
      );
      await expect(mintToken(secret, { subject: '', central: true })).rejects.toThrow(TokenRefused);
      await expect(mintToken(secret, { subject: 's', central: true }, '13h')).rejects.toThrow(
        /lifetime/,
      );
      await expect(mintToken(secret, { subject: 's', central: true }, '2h', 3600)).rejects.toThrow(
        /lifetime/,
      );
      const verify = createTokenVerifier(secret, undefined, 3600);
      expect(
        await verify(await mintToken(secret, { subject: 's', central: true }, '1h', 3600)),
      ).toMatchObject({
        role: 'CENTRAL',
      });
    });

    test('npm run token -- --unit central exits non-zero and says why', () => {
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/mint-token-cli.ts', '--unit', 'central'],
        { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' },
      );
      expect(cli.status).toBe(1);
      expect(cli.stdout).toBe('');
      expect(cli.stderr).toMatch(/"central" is not a unit code.*use --central/);
      // Starting tsx takes seconds on a busy machine.
    }, 30_000);
  });
});
