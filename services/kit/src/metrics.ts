import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// A part adds its own metrics with the same client, e.g. the gateway's request durations.
export { Counter, Gauge, Histogram };

/**
 * A service's Prometheus metrics, served at `/metrics` on its health port. Each service has a
 * registry of its own (the tests run every service in one process), labelled with its name.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Messages on a partition not yet consumed, as of the last batch taken from it. */
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly batchDuration: Histogram<'topic'>;
  /** Events handed to the service's handler. */
  readonly eventsApplied: Counter<'topic'>;
  /** Events dropped as already applied: below the stored offset, or an id already processed. */
  readonly eventsDuplicate: Counter<'topic' | 'reason'>;
  readonly deadLetters: Counter<'topic'>;
  /** Events the service's handlers emitted (scorecards, standings, awards…), by event type. */
  readonly eventsEmitted: Counter<'type'>;
  readonly outboxPublished: Counter<'topic'>;
  /** From a row's write to the outbox to the broker's acknowledgement of its publication. */
  readonly relayLatency: Histogram;
  /** Seconds since the relay last completed a round (published, found nothing, or yielded). */
  readonly relayStalled: Gauge;
  readonly prunedRows: Counter<'table'>;
}

/** Where the collectors read what is counted elsewhere: the outbox's unsent rows. */
export interface MetricSources {
  outboxBacklog: () => Promise<number>;
  relayStalledSeconds: () => number;
}

const batchBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createServiceMetrics(service: string, sources: MetricSources): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  new Gauge({
    name: 'thidua_outbox_backlog',
    help: 'Outbox rows written and not yet published',
    registers,
    async collect() {
      this.set(await sources.outboxBacklog());
    },
  });
  return {
    registry,
    consumerLag: new Gauge({
      name: 'thidua_consumer_lag_messages',
      help: 'Messages on the partition after the last batch taken from it',
      labelNames: ['topic', 'partition'],
      registers,
    }),
    batchDuration: new Histogram({
      name: 'thidua_batch_duration_seconds',
      help: 'Time to apply one batch: its transaction, outbox and offsets',
      labelNames: ['topic'],
      buckets: batchBuckets,
      registers,
    }),
    eventsApplied: new Counter({
      name: 'thidua_events_applied_total',
      help: 'Events handed to the service to apply',
      labelNames: ['topic'],
      registers,
    }),
    eventsDuplicate: new Counter({
      name: 'thidua_events_duplicate_total',
      help: 'Events skipped as already applied (reason: offset or event_id)',
      labelNames: ['topic', 'reason'],
      registers,
    }),
    deadLetters: new Counter({
      name: 'thidua_dead_letters_total',
      help: 'Messages sent to the dead-letter topic, by the topic they came from',
      labelNames: ['topic'],
      registers,
    }),
    eventsEmitted: new Counter({
      name: 'thidua_events_emitted_total',
      help: 'Events emitted by the service, by event type',
      labelNames: ['type'],
      registers,
    }),
    outboxPublished: new Counter({
      name: 'thidua_outbox_published_total',
      help: 'Outbox rows published to Kafka',
      labelNames: ['topic'],
      registers,
    }),
    relayLatency: new Histogram({
      name: 'thidua_outbox_relay_latency_seconds',
      help: 'From an outbox row being written to its publication being acknowledged',
      buckets: batchBuckets,
      registers,
    }),
    relayStalled: new Gauge({
      name: 'thidua_outbox_relay_stalled_seconds',
      help: 'Seconds since the outbox relay last completed a round',
      registers,
      collect() {
        this.set(sources.relayStalledSeconds());
      },
    }),
    prunedRows: new Counter({
      name: 'thidua_pruned_rows_total',
      help: 'Rows removed after the delivery retention (sent outbox rows, processed event ids)',
      labelNames: ['table'],
      registers,
    }),
  };
}
