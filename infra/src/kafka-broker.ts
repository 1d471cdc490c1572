import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pomPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'kafka', 'pom.xml');

/** Thrown when the broker cannot be set up; the message says what to install or do. */
export class KafkaSetupError extends Error {
  override readonly name = 'KafkaSetupError';
}

function requireTool(command: string, hint: string): void {
  const probe = spawnSync(command, ['-version'], { stdio: 'ignore' });
  if (probe.error !== undefined) {
    throw new KafkaSetupError(
      `${command} was not found. ${hint} Or run Kafka and PostgreSQL with Docker ` +
        '(docker compose -f infra/docker-compose.yml up) and set KAFKA_BROKERS=127.0.0.1:9092.',
    );
  }
}

/**
 * Fetches the broker's jars from Maven Central into the cache once per version and returns the
 * folder that holds them.
 */
export function resolveKafkaJars(version: string, cacheDir: string): string {
  const libs = join(cacheDir, version, 'libs');
  const done = join(cacheDir, version, '.resolved');
  if (existsSync(done)) return libs;
  requireTool(
    'java',
    'Install a Java runtime 17 or newer (Debian: apt-get install openjdk-17-jre-headless).',
  );
  requireTool('mvn', 'Install Apache Maven 3.8 or newer (Debian: apt-get install maven).');
  mkdirSync(libs, { recursive: true });
  const maven = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pomPath,
      'dependency:copy-dependencies',
      `-Dkafka.version=${version}`,
      `-DoutputDirectory=${libs}`,
      '-DincludeScope=runtime',
    ],
    { stdio: 'inherit' },
  );
  if (maven.status !== 0) {
    throw new KafkaSetupError(
      `Maven could not fetch Apache Kafka ${version} (exit ${maven.status ?? 'signal'}).`,
    );
  }
  writeFileSync(done, new Date().toISOString());
  return libs;
}

export interface LocalBroker {
  bootstrap: string;
  logFile: string;
  /** SIGTERM (a controlled shutdown that moves leadership away), SIGKILL after 20 s. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crashed machine would. */
  kill(): Promise<void>;
}

export interface LocalBrokerOptions {
  version: string;
  cacheDir: string;
  dataDir: string;
  port: number;
  controllerPort: number;
  heap: string;
  /** This node's id in the quorum (1 unless given). */
  nodeId?: number;
  /** `controller.quorum.voters`; a quorum of this node alone unless given. */
  voters?: string;
  /** Shared by every node of a cluster when their storage is formatted; a new one unless given. */
  clusterId?: string;
  /** Replicas of Kafka's own topics (consumer offsets, transactions) and their min.insync (1/1). */
  internalReplicas?: { factor: number; minInsync: number };
  /** How long the broker may take to listen (60 s unless given; JVMs starting together are slow). */
  startTimeoutMs?: number;
}

/**
 * A KRaft cluster id: 16 random bytes in URL-safe base64 without padding, never one starting with
 * '-', which the storage tool would take for an option.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties(options: LocalBrokerOptions): string {
  const nodeId = options.nodeId ?? 1;
  const internal = options.internalReplicas ?? { factor: 1, minInsync: 1 };
  return [
    'process.roles=broker,controller',
    `node.id=${nodeId}`,
    `controller.quorum.voters=${options.voters ?? `${nodeId}@127.0.0.1:${options.controllerPort}`}`,
    `listeners=PLAINTEXT://127.0.0.1:${options.port},CONTROLLER://127.0.0.1:${options.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${options.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(options.dataDir, 'data')}`,
    'num.partitions=1',
    `offsets.topic.replication.factor=${internal.factor}`,
    'offsets.topic.num.partitions=6',
    `transaction.state.log.replication.factor=${internal.factor}`,
    `transaction.state.log.min.isr=${internal.minInsync}`,
    `share.coordinator.state.topic.replication.factor=${internal.factor}`,
    `share.coordinator.state.topic.min.isr=${internal.minInsync}`,
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    // Nodes of a cluster starting together on a busy machine may take minutes to form the quorum;
    // the broker would give up registering with it after one (the default).
    `initial.broker.registration.timeout.ms=${options.startTimeoutMs ?? 60_000}`,
    '',
  ].join('\n');
}

/** True when something accepts TCP connections on the port. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/**
 * Starts a single-node KRaft broker+controller on 127.0.0.1. The data folder is formatted on first
 * use and kept, so a restarted broker keeps its topics.
 */
export async function startLocalBroker(options: LocalBrokerOptions): Promise<LocalBroker> {
  const libs = resolveKafkaJars(options.version, options.cacheDir);
  mkdirSync(options.dataDir, { recursive: true });
  const properties = join(options.dataDir, 'server.properties');
  writeFileSync(properties, serverProperties(options));
  const classpath = `${libs}/*`;
  const logFile = join(options.dataDir, 'broker.log');
  const jvm = [
    `-Xmx${options.heap}`,
    `-Xms256m`,
    '-Dorg.slf4j.simpleLogger.logFile=' + logFile,
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
    '-cp',
    classpath,
  ];

  const formatted = existsSync(join(options.dataDir, 'data', 'meta.properties'));
  if (!formatted) {
    const format = spawnSync(
      'java',
      [
        ...jvm,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        options.clusterId ?? newClusterId(),
        '-c',
        properties,
      ],
      { encoding: 'utf8' },
    );
    if (format.status !== 0) {
      throw new KafkaSetupError(
        `formatting Kafka storage failed: ${format.stderr}${format.stdout}`,
      );
    }
  }

  const out = openSync(join(options.dataDir, 'broker.out'), 'a');
  const broker: ChildProcess = spawn('java', [...jvm, 'kafka.Kafka', properties], {
    stdio: ['ignore', out, out],
  });
  // Read inside loops and callbacks, so kept in an object the compiler does not narrow.
  const state = { exited: false };
  broker.once('exit', () => {
    state.exited = true;
  });

  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + startTimeoutMs;
  while (!(await isListening(options.port))) {
    if (state.exited) throw new KafkaSetupError(`the Kafka broker exited at start; see ${logFile}`);
    if (Date.now() > deadline) {
      broker.kill('SIGKILL');
      throw new KafkaSetupError(
        `the Kafka broker did not listen within ${startTimeoutMs / 1000} s; see ${logFile}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const end = async (signal: NodeJS.Signals) => {
    if (state.exited) return;
    const gone = new Promise<void>((resolve) => {
      broker.once('exit', () => {
        resolve();
      });
    });
    broker.kill(signal);
    const timer = setTimeout(() => broker.kill('SIGKILL'), 20_000);
    await gone;
    clearTimeout(timer);
  };
  return {
    bootstrap: `127.0.0.1:${options.port}`,
    logFile,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
