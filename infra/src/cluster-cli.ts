import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterEnvironment, infraEnvironment } from './environment.ts';
import { startLocalCluster } from './kafka-cluster.ts';

/**
 * `npm run cluster:start`: a local three-node KRaft cluster in `.thidua/cluster`, kept between
 * runs, until Ctrl-C.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cluster = await startLocalCluster({
  version: infraEnvironment.KAFKA_VERSION,
  cacheDir: infraEnvironment.KAFKA_CACHE_DIR,
  dataDir: join(root, '.thidua', 'cluster'),
  basePort: clusterEnvironment.CLUSTER_PORT,
  controllerBasePort: clusterEnvironment.CLUSTER_CONTROLLER_PORT,
  heap: clusterEnvironment.CLUSTER_HEAP,
});
process.stdout.write(
  `[cluster] three brokers up: KAFKA_BROKERS=${cluster.brokers.join(',')}\n` +
    '[cluster] for replicated topics: KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2\n',
);
const stop = () => {
  process.stdout.write('[cluster] stopping\n');
  cluster.stopAll().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
