import { Kafka, logLevel } from 'kafkajs';
import { infraEnvironment } from './environment.ts';
import { isListening, startLocalBroker } from './kafka-broker.ts';

export interface BrokerHandle {
  brokers: string[];
  /** Whether this process started the broker (and so should stop it). */
  started: boolean;
  logFile: string | null;
  stop(): Promise<void>;
}

/**
 * Finds the broker to use: the one named by KAFKA_BROKERS, one already listening on KAFKA_PORT, or
 * a new local one whose data lives in `dataDir`. Returns once its admin API answers.
 */
export async function ensureBroker(dataDir: string): Promise<BrokerHandle> {
  const env = infraEnvironment;
  let handle: BrokerHandle;
  if (env.KAFKA_BROKERS !== undefined && env.KAFKA_BROKERS !== '') {
    handle = {
      brokers: env.KAFKA_BROKERS.split(','),
      started: false,
      logFile: null,
      stop: () => Promise.resolve(),
    };
  } else if (await isListening(env.KAFKA_PORT)) {
    handle = {
      brokers: [`127.0.0.1:${env.KAFKA_PORT}`],
      started: false,
      logFile: null,
      stop: () => Promise.resolve(),
    };
  } else {
    const broker = await startLocalBroker({
      version: env.KAFKA_VERSION,
      cacheDir: env.KAFKA_CACHE_DIR,
      dataDir,
      port: env.KAFKA_PORT,
      controllerPort: env.KAFKA_CONTROLLER_PORT,
      heap: env.KAFKA_HEAP,
    });
    handle = {
      brokers: [broker.bootstrap],
      started: true,
      logFile: broker.logFile,
      stop: () => broker.stop(),
    };
  }
  await waitForAdminApi(handle.brokers);
  return handle;
}

async function waitForAdminApi(brokers: string[]): Promise<void> {
  const kafka = new Kafka({
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
