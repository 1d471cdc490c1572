import { eventCatalogue, type AnyEvent, type TopicId } from '@thidua/schema';
import type { Kysely } from 'kysely';
import type { KitTables } from './kit-tables.ts';

/** A message waiting in a service's outbox for the relay to publish. */
export interface OutboxMessage {
  topic: TopicId;
  key: string;
  value: string;
}

/** Every event is keyed by its cluster, so a cluster's events stay in order on one partition. */
export function outboxMessageOf(event: AnyEvent): OutboxMessage {
  return {
    topic: eventCatalogue[event.type].topic,
    key: event.clusterCode,
    value: JSON.stringify(event),
  };
}

/** Writes messages to the outbox inside the caller's transaction, so they exist only if it commits. */
export async function appendToOutbox<Database extends KitTables>(
  trx: Kysely<Database>,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  // Every service's tables include the kit's; only the kit's are used here.
  await (trx as unknown as Kysely<KitTables>)
    .insertInto('outbox')
    .values(messages.map(({ topic, key, value }) => ({ topic, key, value, sent_at: null })))
    .execute();
}
