import type { CommonSettings } from '@thidua/kit';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import './provided-context.ts';

/**
 * The URL of a database of the caller's own, beside the run's and named after it, so that no test
 * sees another's rows and the global teardown drops them all. A service creates it on start; other
 * callers create it with the kit's ensureDatabase.
 */
export function ownDatabaseUrl(): string {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

/**
 * Settings for one test file: the shared broker, and a database and topic namespace of its own, so
 * that no file sees another's events or rows.
 */
export function testSettings(): CommonSettings {
  return {
    DATABASE_URL: ownDatabaseUrl(),
    KAFKA_BROKERS: inject('kafkaBrokers'),
    TOPIC_NAMESPACE: `t-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'error',
  };
}
