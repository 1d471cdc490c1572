export { ensureBroker, type BrokerHandle } from './ensure-broker.ts';
