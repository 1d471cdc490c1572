import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { newClusterId, startLocalBroker, type LocalBroker } from './kafka-broker.ts';

export interface LocalClusterOptions {
  version: string;
  cacheDir: string;
  /** Each node keeps its data and logs in `<dataDir>/node-<id>`. */
  dataDir: string;
  /** Client ports `basePort`, `basePort + 1`, `basePort + 2`. */
  basePort: number;
  /** KRaft controller ports likewise. */
  controllerBasePort: number;
  /** JVM heap of each node. */
  heap: string;
}

export interface LocalCluster {
  /** Every node's client address, for KAFKA_BROKERS. */
  brokers: string[];
  /** Node ids, 1 to 3. */
  readonly nodeIds: readonly number[];
  /** SIGKILLs a node. */
  kill(nodeId: number): Promise<void>;
  /** SIGTERMs a node (a controlled shutdown). */
  stop(nodeId: number): Promise<void>;
  /** Starts a stopped or killed node again on its own data. */
  restart(nodeId: number): Promise<void>;
  /** Partitions, over every topic, with fewer in-sync replicas than replicas. */
  underReplicated(): Promise<number>;
  /** Returns once no partition is under-replicated, or throws after `timeoutMs`. */
  waitFullyReplicated(timeoutMs?: number): Promise<void>;
  stopAll(): Promise<void>;
}

const nodeIds = [1, 2, 3] as const;

/**
 * A KRaft cluster of three combined broker-controllers on 127.0.0.1, each with its own ports, data
 * folder and node id, and the static quorum of all three. Kafka's own topics get three replicas and
 * min.insync 2, so the cluster keeps committing offsets while one node is down. Returns once the
 * three are up and the cluster lists them.
 */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const port = (id: number) => options.basePort + id - 1;
  const controllerPort = (id: number) => options.controllerBasePort + id - 1;
  const voters = nodeIds.map((id) => `${id}@127.0.0.1:${controllerPort(id)}`).join(',');
  // Used only when a node's storage is formatted, i.e. on the cluster's first start.
  const clusterId = newClusterId();
  const nodes = new Map<number, LocalBroker>();
  const brokers = nodeIds.map((id) => `127.0.0.1:${port(id)}`);

  const startNode = async (id: number) => {
    const dataDir = join(options.dataDir, `node-${id}`);
    mkdirSync(dataDir, { recursive: true });
    nodes.set(
      id,
      await startLocalBroker({
        version: options.version,
        cacheDir: options.cacheDir,
        dataDir,
        port: port(id),
        controllerPort: controllerPort(id),
        heap: options.heap,
        nodeId: id,
        voters,
        clusterId,
        internalReplicas: { factor: 3, minInsync: 2 },
        startTimeoutMs: 240_000,
      }),
    );
  };
  const node = (id: number): LocalBroker => {
    const found = nodes.get(id);
    if (found === undefined) throw new Error(`no node ${id} in the local cluster`);
    return found;
  };
  // Together: a node's client port opens only once the quorum has a leader, which needs two.
  const started = await Promise.allSettled(nodeIds.map(startNode));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all([...nodes.values()].map((broker) => broker.kill()));
    throw failed.reason;
  }

  const kafka = new Kafka({
    brokers,
    clientId: 'local-cluster',
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 200 },
  });
  const underReplicated = async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: await admin.listTopics() });
      return topics
        .flatMap((topic) => topic.partitions)
        .filter((partition) => partition.isr.length < partition.replicas.length).length;
    } finally {
      await admin.disconnect();
    }
  };
  const waitFullyReplicated = async (timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A node just restarted may not answer metadata yet; that counts as not yet replicated.
      const count = await underReplicated().catch(() => Number.POSITIVE_INFINITY);
      if (count === 0) return;
      if (Date.now() > deadline) {
        throw new Error(`${count} partitions still under-replicated after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  const admin = kafka.admin();
  await admin.connect();
  try {
    for (;;) {
      const { brokers: listed } = await admin.describeCluster();
      if (listed.length === nodeIds.length) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await admin.disconnect();
  }

  return {
    brokers,
    nodeIds,
    kill: (id) => node(id).kill(),
    stop: (id) => node(id).stop(),
    restart: (id) => startNode(id),
    underReplicated,
    waitFullyReplicated,
    stopAll: async () => {
      await Promise.all([...nodes.values()].map((broker) => broker.stop()));
    },
  };
}
