import { topics, type TopicId } from '@thidua/schema';
import { z } from 'zod';
import { failpointPattern, parseFailpoint, type FailpointSetting } from './failpoint.ts';

/** Thrown when the environment does not describe a runnable service; lists every problem at once. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid environment:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Reads the settings a module declares from the environment, applies defaults and freezes the result.
 * This is the only place in thidua that reads `process.env`.
 */
export function readEnvironment<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<z.infer<z.ZodObject<Shape>>> {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze(parsed.data);
}

/** Settings shared by every service: where Kafka and PostgreSQL are, and how to name things there. */
export const commonSettings = {
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/thidua'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((value) => value.split(',').map((broker) => broker.trim())),
  TOPIC_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9-]*$/, 'only lower-case letters, digits and dashes')
    .default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A CA file that PostgreSQL's certificate must chain to; TLS is then required and verified. */
  DATABASE_CA_FILE: z.string().min(1).optional(),
  /** `<topic>=<n>` pairs (`contest=12,scores=12`); topics not named keep the catalogue's count. */
  KAFKA_TOPIC_PARTITIONS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parsePartitions(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
  KAFKA_MIN_INSYNC_REPLICAS: z.coerce.number().int().min(1).default(1),
  /** `retention.ms` of created topics; -1 keeps events forever; unset leaves the broker's default. */
  KAFKA_RETENTION_MS: z.coerce.number().int().min(-1).optional(),
  /** TLS to the brokers: `true`, or implied by a CA or client certificate file. */
  KAFKA_TLS: z.enum(['true', 'false']).default('false'),
  KAFKA_TLS_CA_FILE: z.string().min(1).optional(),
  KAFKA_TLS_CERT_FILE: z.string().min(1).optional(),
  KAFKA_TLS_KEY_FILE: z.string().min(1).optional(),
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'plain']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** How long the outbox relay may fail to publish before the service fails its health and exits. */
  OUTBOX_RELAY_MAX_STALL_MS: z.coerce.number().int().min(1000).default(120_000),
  /**
   * How long sent outbox rows and processed event ids are kept (-1: forever); unset: as long as the
   * topics keep events, and a day. Shorter than the topics' retention is refused.
   */
  DELIVERY_RETENTION_MS: z.coerce.number().int().min(-1).optional(),
  /** How often rows past the delivery retention are pruned. */
  DELIVERY_PRUNE_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** Testing aid only (see failpoint.ts): `<point>:<n>` kills the process at that point's n-th hit. */
  THIDUA_FAILPOINT: z
    .string()
    .regex(failpointPattern, 'a failpoint and a hit, e.g. consumer.after-db-commit:3 or …:3:throw')
    .transform(parseFailpoint)
    .optional(),
};

// The cluster and security settings are optional here so that tests and tools may build settings
// by hand for the local broker; unset means what the defaults above give.
export type CommonSettings = Readonly<{
  DATABASE_URL: string;
  KAFKA_BROKERS: string[];
  TOPIC_NAMESPACE: string;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  DATABASE_CA_FILE?: string | undefined;
  KAFKA_TOPIC_PARTITIONS?: Partial<Record<TopicId, number>> | undefined;
  KAFKA_REPLICATION_FACTOR?: number | undefined;
  KAFKA_MIN_INSYNC_REPLICAS?: number | undefined;
  KAFKA_RETENTION_MS?: number | undefined;
  KAFKA_TLS?: 'true' | 'false' | undefined;
  KAFKA_TLS_CA_FILE?: string | undefined;
  KAFKA_TLS_CERT_FILE?: string | undefined;
  KAFKA_TLS_KEY_FILE?: string | undefined;
  KAFKA_SASL_MECHANISM?: 'scram-sha-512' | 'plain' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  OUTBOX_RELAY_MAX_STALL_MS?: number | undefined;
  DELIVERY_RETENTION_MS?: number | undefined;
  DELIVERY_PRUNE_INTERVAL_MS?: number | undefined;
  THIDUA_FAILPOINT?: FailpointSetting | undefined;
}>;

/** Parses `contest=12,scores=12`: known topic ids, each once, with a positive count. */
export function parsePartitions(value: string): Partial<Record<TopicId, number>> {
  const counts: Partial<Record<TopicId, number>> = {};
  for (const pair of value.split(',').map((part) => part.trim())) {
    if (pair === '') continue;
    const match = /^([a-z]+)=([1-9][0-9]{0,3})$/.exec(pair);
    if (match === null) throw new Error(`"${pair}" is not <topic>=<partitions>, e.g. contest=12`);
    const [, id = '', count = ''] = match;
    if (!Object.hasOwn(topics, id)) {
      throw new Error(`"${id}" is not a topic; known: ${Object.keys(topics).join(', ')}`);
    }
    if (Object.hasOwn(counts, id)) throw new Error(`"${id}" is named twice`);
    counts[id as TopicId] = Number(count);
  }
  return counts;
}

/**
 * The PostgreSQL URL to connect with: DATABASE_URL, with DATABASE_CA_FILE as its root certificate
 * and, unless the URL chose an `sslmode`, a verified TLS connection (`verify-full`).
 */
export function postgresUrl(settings: CommonSettings): string {
  if (settings.DATABASE_CA_FILE === undefined) return settings.DATABASE_URL;
  const url = new URL(settings.DATABASE_URL);
  url.searchParams.set('sslrootcert', settings.DATABASE_CA_FILE);
  if (!url.searchParams.has('sslmode')) url.searchParams.set('sslmode', 'verify-full');
  return url.toString();
}
