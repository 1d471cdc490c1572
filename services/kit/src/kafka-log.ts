import { logLevel } from 'kafkajs';

/**
 * Broker answers that kafkajs logs as errors although they are part of a healthy start or of a
 * rebalance, and that it retries until they pass: a topic another service created a moment
 * earlier, a group coordinator still loading or moving, a new partition's leader still being
 * elected, a group rebalancing as instances join. A failure kafkajs gives up on reaches the service
 * as an exception and is logged there.
 */
const expectedAnswers: readonly RegExp[] = [
  /Topic creation errors/,
  /The coordinator is loading/,
  /The (group )?coordinator is not available/,
  /This is not the correct coordinator/,
  /There is no leader for this topic-partition/,
  /This server does not host this topic-partition/,
  /The group is rebalancing/,
];

/**
 * kafkajs' own line when its consumer restarts after a crash: the service's crash handler
 * (consumer.ts) logs the same restart with its cause, at warn unless the cause is expected.
 */
const restartLine = /^Restarting the consumer in \d+ms$/;

/** The level of the service's log at which a kafkajs log entry is written. */
export function kafkaLogLevel(
  level: logLevel,
  message: string,
  extra: Readonly<Record<string, unknown>>,
): 'warn' | 'debug' | 'trace' {
  if (level === logLevel.ERROR || level === logLevel.WARN) {
    const error = extra.error;
    const text = `${message} ${typeof error === 'string' ? error : ''}`;
    return restartLine.test(message) || expectedAnswers.some((answer) => answer.test(text))
      ? 'debug'
      : 'warn';
  }
  return level === logLevel.INFO ? 'debug' : 'trace';
}

/** True when `error` (or what it wraps) is one of the expected answers above. */
export function isExpectedAnswer(error: Error): boolean {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error && messages.length < 8; e = e.cause) {
    messages.push(e.message);
  }
  return expectedAnswers.some((answer) => messages.some((m) => answer.test(m)));
}
