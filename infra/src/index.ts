export { ensureBroker, type BrokerHandle } from './ensure-broker.ts';
export { clusterEnvironment, infraEnvironment } from './environment.ts';
export { startLocalCluster, type LocalCluster } from './kafka-cluster.ts';
export { serviceArgs } from './service-command.ts';
export { loadDemo } from './demo/load-demo.ts';
export {
  dumpReadModels,
  dropReadModel,
  readModelServices,
  type ReadModelDump,
} from './read-models.ts';
