import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infraEnvironment } from '../../../infra/src/environment.ts';
import {
  KafkaSetupError,
  startLocalBroker,
  type LocalBroker,
} from '../../../infra/src/kafka-broker.ts';
import { freePort, killOnExit } from './service-process.ts';

/**
 * A broker of the test's own, so that restarting it disturbs no other test file: its own ports and
 * data folder, kept across restarts (the topics and committed offsets survive, as in production).
 */
export interface PrivateBroker {
  bootstrap: string;
  /** Kills the broker with `signal`, waits until it is gone, and starts it again on its data. */
  restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** How each restart's broker process ended. */
  readonly endings: NodeJS.Signals[];
  stop(): Promise<void>;
}

/** The pid of the broker JVM this process started on `dataDir` (the broker handle hides it). */
function brokerPid(dataDir: string): number {
  const properties = join(dataDir, 'server.properties');
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const parent = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
      if (
        cmdline.includes('kafka.Kafka') &&
        cmdline.includes(properties) &&
        Number(parent) === process.pid
      ) {
        return Number(entry);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`no broker process of ours runs on ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a broker on a fresh data folder. The cluster id that formats the folder is random and
 * Kafka's storage tool takes one that starts with '-' for an option, so a failed format is tried
 * again with a new id.
 */
async function startFormatted(
  options: Parameters<typeof startLocalBroker>[0],
): Promise<LocalBroker> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startLocalBroker(options);
    } catch (error) {
      const formatFailed = error instanceof KafkaSetupError && error.message.includes('formatting');
      if (!formatFailed || attempt >= 3) throw error;
    }
  }
}

export async function startPrivateBroker(): Promise<PrivateBroker> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thidua-fault-kafka-'));
  const options = {
    version: infraEnvironment.KAFKA_VERSION,
    cacheDir: infraEnvironment.KAFKA_CACHE_DIR,
    dataDir,
    port: await freePort(),
    controllerPort: await freePort(),
    heap: '512m',
  };
  let broker: LocalBroker = await startFormatted(options).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  let guard = killOnExit(brokerPid(dataDir));
  const endings: NodeJS.Signals[] = [];
  return {
    bootstrap: broker.bootstrap,
    endings,
    async restart(signal) {
      const pid = brokerPid(dataDir);
      process.kill(pid, signal);
      const deadline = Date.now() + 30_000;
      while (isAlive(pid)) {
        if (Date.now() > deadline) throw new Error(`the broker did not end on ${signal}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      endings.push(signal);
      guard.forget();
      await broker.stop();
      broker = await startLocalBroker(options);
      guard = killOnExit(brokerPid(dataDir));
    },
    async stop() {
      await broker.stop();
      guard.forget();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
