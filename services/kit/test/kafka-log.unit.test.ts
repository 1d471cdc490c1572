import { logLevel } from 'kafkajs';
import { describe, expect, test } from 'vitest';
import { isExpectedAnswer, kafkaLogLevel } from '../src/kafka-log.ts';

describe("kafkajs' log lines in the service's log", () => {
  test.each([
    ['Response CreateTopics(key: 19, version: 3)', 'Topic creation errors'],
    [
      'Response JoinGroup(key: 11, version: 5)',
      "The coordinator is loading and hence can't process requests for this group",
    ],
    ['Response FindCoordinator(key: 10, version: 2)', 'The coordinator is not available'],
    ['Response GroupCoordinator(key: 10, version: 2)', 'The group coordinator is not available'],
    ['Restarting the consumer in 300ms', undefined],
    [
      'Response Metadata(key: 3, version: 6)',
      'There is no leader for this topic-partition as we are in the middle of a leadership election',
    ],
    ['The group is rebalancing, re-joining', undefined],
  ])('an expected start-up answer (%s: %s) is debug', (message, error) => {
    expect(kafkaLogLevel(logLevel.ERROR, message, error === undefined ? {} : { error })).toBe(
      'debug',
    );
  });

  test.each([
    ['Response SaslAuthenticate(key: 36, version: 1)', 'Authentication failed'],
    [
      'Failed to connect to seed broker, trying another broker from the list: connect ECONNREFUSED',
      undefined,
    ],
    ['Crash: KafkaJSNonRetriableError: batch of scores failed', undefined],
    [
      'Response Produce(key: 0, version: 7)',
      'The request included a message larger than the max message size the server will accept',
    ],
  ])('a real problem (%s) still warns', (message, error) => {
    expect(kafkaLogLevel(logLevel.ERROR, message, error === undefined ? {} : { error })).toBe(
      'warn',
    );
    expect(kafkaLogLevel(logLevel.WARN, message, error === undefined ? {} : { error })).toBe(
      'warn',
    );
  });

  test('info is debug and debug is trace', () => {
    expect(kafkaLogLevel(logLevel.INFO, 'Starting', {})).toBe('debug');
    expect(kafkaLogLevel(logLevel.DEBUG, 'Request Fetch', {})).toBe('trace');
  });

  test("a consumer restart caused by an expected answer is recognised through kafkajs' wrapping", () => {
    const cause = new Error("The coordinator is loading and hence can't process requests");
    const wrapped = new Error('retries exceeded', { cause });
    expect(isExpectedAnswer(wrapped)).toBe(true);
    expect(isExpectedAnswer(new Error('connect ECONNREFUSED 127.0.0.1:9092'))).toBe(false);
  });
});
