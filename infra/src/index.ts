export { ensureBroker, type BrokerHandle } from './ensure-broker.ts';
export { loadDemo } from './demo/load-demo.ts';
