import type { GatewayDatabase } from '@thidua/gateway';
import {
  createLogger,
  ensureDatabase,
  ensureTopics,
  refuseMismatchedTopics,
  topicLayout,
  waitUntil,
  type CommonSettings,
} from '@thidua/kit';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import {
  defaultReadyTimeoutMs,
  spawnService,
  stopService,
  type Exit,
  type ServiceName,
  type ServiceProcess,
} from './service-process.ts';

export const consumingServices = ['scoring', 'ranking', 'awards', 'reporting'] as const;
export type ConsumingService = (typeof consumingServices)[number];

/** The test's own connections carry this name, so that cutting the system's connections spares them. */
export const testApplicationName = 'thidua-fault-test';

export interface ProcessSystemOptions {
  settings: CommonSettings;
  /** Instances of each consuming service, in one consumer group. */
  instances?: number;
  /** Gateway processes (each relays its share of the outbox; one unless given). */
  gateways?: number;
  /** THIDUA_FAILPOINT of the first instance of some services. */
  failpoints?: Partial<Record<ConsumingService, string>>;
  /** Restart a process that died, without its failpoint, as a supervisor would. */
  restartDead?: boolean;
  /** How long each process may take to become ready (ten starting at once on a busy machine are slow). */
  readyTimeoutMs?: number;
}

export interface Death {
  label: string;
  exit: Exit;
  /** Its last log lines. */
  tail: string;
}

export interface ProcessSystem {
  /** The processes running now (a restarted one replaces the dead one). */
  readonly processes: ServiceProcess[];
  /** Every process that ended while the system was meant to run, and how. */
  readonly deaths: Death[];
  restarts: number;
  /** The test's view of the database (the loader's commands, the dumps and the counts). */
  db: Kysely<unknown>;
  gatewayDb: Kysely<GatewayDatabase>;
  admin: Admin;
  /** Stops every process (SIGTERM) and closes the test's connections. */
  stop(): Promise<void>;
}

/** A Kysely handle whose pool survives its connections being cut (pg would throw otherwise). */
function testDb<Database>(url: string, schema: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    application_name: testApplicationName,
    options: `-c search_path=${schema},public`,
  });
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Starts the gateway and every consuming service as processes of their own against one database and
 * topic namespace, and waits until each is ready. A process that dies is recorded (and restarted
 * when asked); the test decides whether that was expected.
 */
export async function startProcessSystem(options: ProcessSystemOptions): Promise<ProcessSystem> {
  const {
    settings,
    instances = 1,
    gateways = 1,
    failpoints = {},
    restartDead = false,
    readyTimeoutMs = defaultReadyTimeoutMs,
  } = options;
  await ensureDatabase(settings.DATABASE_URL);
  const kafka = new Kafka({
    clientId: 'thidua-fault-test',
    brokers: settings.KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 200 },
  });
  // Created before any service starts, as run-bench does: services that start together in a new
  // namespace race to create the topics, and one may subscribe before the topics have leaders.
  // Retried as the services retry it: a new topic's metadata may lag behind its creation.
  const silent = createLogger('fault-test', 'silent');
  const layout = topicLayout(settings);
  refuseMismatchedTopics(
    await waitUntil('Kafka', () => ensureTopics(kafka, settings.TOPIC_NAMESPACE, layout), silent, {
      tries: 20,
    }),
  );
  const baseEnv: Record<string, string> = {
    DATABASE_URL: settings.DATABASE_URL,
    KAFKA_BROKERS: settings.KAFKA_BROKERS.join(','),
    TOPIC_NAMESPACE: settings.TOPIC_NAMESPACE,
    LOG_LEVEL: 'error',
    KAFKA_REPLICATION_FACTOR: String(layout.replicationFactor),
    KAFKA_MIN_INSYNC_REPLICAS: String(layout.minInsyncReplicas),
  };
  const processes: ServiceProcess[] = [];
  const deaths: Death[] = [];
  const state = { stopping: false, restarting: [] as Promise<void>[] };

  const launch = async (name: ServiceName, label: string, env: Record<string, string>) => {
    const service = await spawnService(name, label, env, readyTimeoutMs);
    processes.push(service);
    void service.exited.then((exit) => {
      if (state.stopping) return;
      deaths.push({ label, exit, tail: service.tail() });
      processes.splice(processes.indexOf(service), 1);
      if (restartDead) {
        system.restarts += 1;
        const restarted = launch(name, label, baseEnv).then(
          () => undefined,
          (error: unknown) => {
            deaths.push({ label: `${label} (restart failed)`, exit, tail: String(error) });
          },
        );
        state.restarting.push(restarted);
      }
    });
    return service;
  };

  const launches: Promise<ServiceProcess>[] = [];
  for (let i = 1; i <= gateways; i++) {
    launches.push(launch('gateway', i === 1 ? 'gateway' : `gateway#${i}`, baseEnv));
  }
  for (const name of consumingServices) {
    for (let i = 1; i <= instances; i++) {
      const failpoint = i === 1 ? failpoints[name] : undefined;
      const env = failpoint === undefined ? baseEnv : { ...baseEnv, THIDUA_FAILPOINT: failpoint };
      launches.push(launch(name, i === 1 ? name : `${name}#${i}`, env));
    }
  }
  const admin = kafka.admin();
  const db = testDb<unknown>(settings.DATABASE_URL, 'public');
  const gatewayDb = testDb<GatewayDatabase>(settings.DATABASE_URL, 'gateway');
  const system: ProcessSystem = {
    processes,
    deaths,
    restarts: 0,
    db,
    gatewayDb,
    admin,
    async stop() {
      await Promise.allSettled(state.restarting);
      state.stopping = true;
      await Promise.all(processes.map(stopService));
      await admin.disconnect();
      await db.destroy();
      await gatewayDb.destroy();
    },
  };
  const started = await Promise.allSettled(launches);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await system.stop();
    throw failed.reason;
  }
  await admin.connect();
  return system;
}
