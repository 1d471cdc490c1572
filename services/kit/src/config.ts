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
  /** Testing aid only (see failpoint.ts): `<point>:<n>` kills the process at that point's n-th hit. */
  THIDUA_FAILPOINT: z
    .string()
    .regex(failpointPattern, 'a failpoint and a hit, e.g. consumer.after-db-commit:3')
    .transform(parseFailpoint)
    .optional(),
};

export type CommonSettings = Readonly<{
  DATABASE_URL: string;
  KAFKA_BROKERS: string[];
  TOPIC_NAMESPACE: string;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  THIDUA_FAILPOINT?: FailpointSetting | undefined;
}>;
