import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
} from 'kafkajs';
import { describe, expect, test } from 'vitest';
import { backoffMs, isRetriable, NonRetriableError } from '../src/errors.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('which failures the kit retries', () => {
  test('a lost connection to PostgreSQL or the broker, a conflict or a restarting server', () => {
    for (const code of [
      '08006',
      '08003',
      '40001',
      '40P01',
      '57P01',
      'ECONNREFUSED',
      'ECONNRESET',
    ]) {
      expect(isRetriable(withCode(code))).toBe(true);
    }
    expect(isRetriable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isRetriable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(isRetriable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isRetriable(new KafkaJSConnectionError('Connection error'))).toBe(true);
  });

  test("kafkajs' wrapper of exhausted retries is judged by what it wraps", () => {
    const transient = new KafkaJSConnectionError('Connection error');
    expect(
      isRetriable(
        new KafkaJSNumberOfRetriesExceeded(transient, { retryCount: 10, retryTime: 5000 }),
      ),
    ).toBe(true);
    const bug = new TypeError("Cannot read properties of undefined (reading 'code')");
    expect(isRetriable(Object.assign(new KafkaJSNonRetriableError(bug), { cause: bug }))).toBe(
      false,
    );
  });

  test("not a handler's own exception, a constraint violation or a refusal marked non-retriable", () => {
    expect(isRetriable(new Error('failpoint consumer.in-handler reached'))).toBe(false);
    expect(isRetriable(withCode('23505'))).toBe(false);
    expect(isRetriable('a string')).toBe(false);
    const wrapped = new NonRetriableError('batch failed', withCode('08006'));
    expect(isRetriable(wrapped)).toBe(false);
    expect(wrapped.retriable).toBe(false);
  });
});

describe('the pause before a retry', () => {
  const limits = { firstMs: 250, maxMs: 10_000 };

  test('doubles up to the limit', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 10].map((attempt) => backoffMs(attempt, limits, middle))).toEqual([
      250, 500, 1000, 2000, 10_000,
    ]);
  });

  test('is spread by ±20% so that instances do not retry in step', () => {
    expect(backoffMs(3, limits, () => 0)).toBe(800);
    expect(backoffMs(3, limits, () => 0.999_999)).toBe(1200);
  });
});
