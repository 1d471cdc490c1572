import { readEnvironment } from '@thidua/kit';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Settings of the local broker that `npm start` and `npm test` manage when none is given. */
export const infraEnvironment = readEnvironment({
  /** Use this broker (host:port[,…]) instead of starting one. */
  KAFKA_BROKERS: z.string().optional(),
  KAFKA_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .default('4.1.1'),
  KAFKA_PORT: z.coerce.number().int().min(1).max(65535).default(9092),
  KAFKA_CONTROLLER_PORT: z.coerce.number().int().min(1).max(65535).default(9093),
  /** Where the broker's jars are kept between runs (outside git). */
  KAFKA_CACHE_DIR: z.string().default(join(homedir(), '.cache', 'thidua', 'kafka')),
  KAFKA_HEAP: z.string().default('768m'),
});
