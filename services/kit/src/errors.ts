/**
 * How the kit tells a passing failure (the broker or PostgreSQL briefly away, a lock conflict) from
 * one that will fail again however often it is retried (a bug in a handler, a message the broker
 * refuses): the first is retried with growing, jittered pauses; the second ends the process, so that
 * its supervisor restarts it and a person looks at the log.
 */

/** PostgreSQL SQLSTATEs that a retry can outlive: lost connections, conflicts, a restarting server. */
const transientSqlStates = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '55P03', // lock_not_available
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

/** Node's codes for a network that failed under a connection. */
const transientNetworkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** kafkajs' errors that only carry another: the one that ended its retries. */
const kafkaWrappers = new Set(['KafkaJSNonRetriableError', 'KafkaJSNumberOfRetriesExceeded']);

function fieldOf(error: object, field: string): unknown {
  return (error as Record<string, unknown>)[field];
}

/**
 * True when retrying may succeed. Kafka's own errors say so themselves (`retriable`); PostgreSQL's
 * by their SQLSTATE (class 08 is a lost connection); pg's own connection errors have no code.
 * Anything else, a handler's own exception above all, is not retriable.
 */
export function isRetriable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof NonRetriableError) return false;
  const cause = fieldOf(error, 'cause');
  // kafkajs wraps the error that ended its retries; judge the original.
  if (kafkaWrappers.has(String(fieldOf(error, 'name'))) && cause !== undefined && cause !== error) {
    return isRetriable(cause);
  }
  const retriable = fieldOf(error, 'retriable');
  if (typeof retriable === 'boolean') return retriable;
  const code = fieldOf(error, 'code');
  if (typeof code === 'string') {
    if (code.startsWith('08') || transientSqlStates.has(code)) return true;
    if (transientNetworkCodes.has(code)) return true;
  }
  return error instanceof Error && pgConnectionLost.test(error.message);
}

/** pg's own errors for a connection lost or not to be had; they carry no SQLSTATE. */
const pgConnectionLost =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * The group's answers that kafkajs' consumer mends by itself, by joining the group again (its
 * runner checks these types): a batch that meets one, e.g. in its closing heartbeat, must hand it
 * on unchanged rather than as a failure of the batch.
 */
const groupRejoinTypes = new Set([
  'REBALANCE_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
]);

/** True when kafkajs' consumer answers this error by rejoining its group. */
export function isGroupRejoin(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    groupRejoinTypes.has(String(fieldOf(error, 'type')))
  );
}

/**
 * The broker's answers that the idempotent producer's identity (its id, epoch and sequence
 * numbers) no longer fits the partition's log, e.g. after the broker restarted: that producer can
 * never send again, but a new one, with a new id, can. Kafka's Java client resets its id the same
 * way; what the old producer may have written twice, consumers drop by event id.
 */
const producerIdentityLostTypes = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
]);

/** True when only a new producer can send again (see `producerIdentityLostTypes`). */
export function isProducerIdentityLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (producerIdentityLostTypes.has(String(fieldOf(error, 'type')))) return true;
  const cause = fieldOf(error, 'cause');
  return cause !== undefined && cause !== error && isProducerIdentityLost(cause);
}

/**
 * An error a retry cannot outlive. kafkajs reads `retriable: false`: its retrier stops at once and
 * its consumer crashes without restarting (see consumer.ts), instead of replaying the batch forever.
 */
export class NonRetriableError extends Error {
  override readonly name = 'NonRetriableError';
  readonly retriable = false;
  /** `what` failed, and why: the cause's message. */
  constructor(what: string, cause: unknown) {
    super(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * The pause before retry number `attempt` (1 for the first): doubling from `firstMs` up to `maxMs`,
 * spread by ±20% so that instances failing together do not retry in step.
 */
export function backoffMs(
  attempt: number,
  { firstMs, maxMs }: { firstMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const base = Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
