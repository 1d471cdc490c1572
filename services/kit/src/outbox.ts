import { eventCatalogue, type AnyEvent, type TopicId } from '@thidua/schema';
import { sql, type Kysely } from 'kysely';
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
  // In SQL because Kysely cannot narrow a handle typed by a service's tables to the kit's. Three
  // arrays make one statement of any size; seq follows the messages' order.
  await sql`
    INSERT INTO outbox (topic, key, value)
    SELECT topic, key, value
    FROM unnest(${messages.map((m) => m.topic)}::text[], ${messages.map((m) => m.key)}::text[],
                ${messages.map((m) => m.value)}::text[]) WITH ORDINALITY AS m (topic, key, value, n)
    ORDER BY n
  `.execute(trx);
}
