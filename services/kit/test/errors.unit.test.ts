import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { describe, expect, test } from 'vitest';
import {
  backoffMs,
  isGroupRejoin,
  isProducerIdentityLost,
  isRetriable,
  NonRetriableError,
} from '../src/errors.ts';

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

/** A broker's answer as kafkajs raises it: its protocol error, none of these retriable. */
const brokerAnswer = (type: string, code: number) =>
  new KafkaJSProtocolError(
    Object.assign(new Error(type.toLowerCase()), { type, code, retriable: false }),
  );

describe('answers that need more than a retry', () => {
  test('a rebalance met inside a batch is handed to kafkajs, which rejoins the group', () => {
    for (const [type, code] of [
      ['REBALANCE_IN_PROGRESS', 27],
      ['ILLEGAL_GENERATION', 22],
      ['UNKNOWN_MEMBER_ID', 25],
      ['NOT_COORDINATOR_FOR_GROUP', 16],
    ] as const) {
      const answer = brokerAnswer(type, code);
      expect(isRetriable(answer)).toBe(false);
      expect(isGroupRejoin(answer)).toBe(true);
    }
    expect(isGroupRejoin(brokerAnswer('OUT_OF_ORDER_SEQUENCE_NUMBER', 45))).toBe(false);
    expect(isGroupRejoin(new Error('REBALANCE_IN_PROGRESS'))).toBe(false);
  });

  test('a producer the broker no longer knows is replaced, even when kafkajs wrapped the answer', () => {
    for (const [type, code] of [
      ['OUT_OF_ORDER_SEQUENCE_NUMBER', 45],
      ['INVALID_PRODUCER_EPOCH', 47],
      ['UNKNOWN_PRODUCER_ID', 59],
    ] as const) {
      const answer = brokerAnswer(type, code);
      expect(isProducerIdentityLost(answer)).toBe(true);
      expect(
        isProducerIdentityLost(
          Object.assign(new KafkaJSNonRetriableError(answer), { cause: answer }),
        ),
      ).toBe(true);
    }
    expect(isProducerIdentityLost(brokerAnswer('MESSAGE_TOO_LARGE', 10))).toBe(false);
    expect(isProducerIdentityLost(brokerAnswer('REBALANCE_IN_PROGRESS', 27))).toBe(false);
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
