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

/** Settings of the local three-node cluster (`npm run cluster:start`, `npm run test:cluster`). */
export const clusterEnvironment = readEnvironment({
  /** Client ports of nodes 1–3: this one and the next two (apart from the single broker's 9092). */
  CLUSTER_PORT: z.coerce.number().int().min(1).max(65533).default(19092),
  /** KRaft controller ports of nodes 1–3 likewise. */
  CLUSTER_CONTROLLER_PORT: z.coerce.number().int().min(1).max(65533).default(19192),
  CLUSTER_HEAP: z.string().default('384m'),
});
