import { describe, expect, test } from 'vitest';
import { commonSettings, ConfigurationError, postgresUrl, readEnvironment } from '../src/config.ts';
import { kafkaSecurity } from '../src/kafka.ts';

const files: Record<string, string> = {
  '/etc/thidua/ca.pem': 'CA',
  '/etc/thidua/client.pem': 'CERT',
  '/etc/thidua/client.key': 'KEY',
};
const readFile = (path: string): string => {
  const content = files[path];
  if (content === undefined) throw new Error(`no file ${path}`);
  return content;
};
const security = (env: Record<string, string>) =>
  kafkaSecurity(readEnvironment(commonSettings, env), readFile);

describe('Kafka client security from the environment', () => {
  test('plain text by default', () => {
    expect(security({})).toEqual({});
  });

  test('TLS with the system CAs when asked for without files', () => {
    expect(security({ KAFKA_TLS: 'true' })).toEqual({ ssl: true });
  });

  test('TLS with a CA and a client certificate read from their files', () => {
    expect(
      security({
        KAFKA_TLS_CA_FILE: '/etc/thidua/ca.pem',
        KAFKA_TLS_CERT_FILE: '/etc/thidua/client.pem',
        KAFKA_TLS_KEY_FILE: '/etc/thidua/client.key',
      }),
    ).toEqual({ ssl: { ca: ['CA'], cert: 'CERT', key: 'KEY' } });
  });

  test.each([
    ['scram-sha-512', 'scram-sha-512'],
    ['plain', 'plain'],
  ] as const)('SASL %s over TLS', (setting, mechanism) => {
    expect(
      security({
        KAFKA_TLS: 'true',
        KAFKA_SASL_MECHANISM: setting,
        KAFKA_SASL_USERNAME: 'thidua',
        KAFKA_SASL_PASSWORD: 's3cret',
      }),
    ).toEqual({ ssl: true, sasl: { mechanism, username: 'thidua', password: 's3cret' } });
  });

  test.each([
    [{ KAFKA_TLS_CERT_FILE: '/etc/thidua/client.pem' }, /needs its key/],
    [{ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'thidua' }, /needs KAFKA_SASL_USERNAME/],
    [{ KAFKA_SASL_PASSWORD: 's3cret' }, /set KAFKA_SASL_MECHANISM/],
  ])('refuses an incomplete setting %o', (env, reason) => {
    expect(() => security(env)).toThrow(ConfigurationError);
    expect(() => security(env)).toThrow(reason);
  });

  test('refuses an unknown SASL mechanism', () => {
    expect(() => security({ KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(ConfigurationError);
  });
});

describe('PostgreSQL TLS', () => {
  test('the URL is used as given without a CA file', () => {
    const env = readEnvironment(commonSettings, {
      DATABASE_URL: 'postgres://thidua@db.example.vn:5432/thidua?sslmode=require',
    });
    expect(postgresUrl(env)).toBe('postgres://thidua@db.example.vn:5432/thidua?sslmode=require');
  });

  test('a CA file makes a verified TLS connection unless the URL chose its sslmode', () => {
    const verified = readEnvironment(commonSettings, {
      DATABASE_URL: 'postgres://thidua@db.example.vn:5432/thidua',
      DATABASE_CA_FILE: '/etc/thidua/pg-ca.pem',
    });
    const url = new URL(postgresUrl(verified));
    expect(url.searchParams.get('sslrootcert')).toBe('/etc/thidua/pg-ca.pem');
    expect(url.searchParams.get('sslmode')).toBe('verify-full');

    const chosen = readEnvironment(commonSettings, {
      DATABASE_URL: 'postgres://thidua@db.example.vn:5432/thidua?sslmode=verify-ca',
      DATABASE_CA_FILE: '/etc/thidua/pg-ca.pem',
    });
    expect(new URL(postgresUrl(chosen)).searchParams.get('sslmode')).toBe('verify-ca');
  });
});
