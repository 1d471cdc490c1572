import type { ColumnType, Generated } from 'kysely';

/** The delivery tables the kit keeps in every service's schema (see kit-migrations.ts). */
export interface KitTables {
  consumer_offsets: {
    group_id: string;
    topic: string;
    partition: number;
    next_offset: ColumnType<string, string | bigint, string | bigint>;
  };
  processed_events: { event_id: string; processed_at: Generated<Date> };
  outbox: {
    seq: Generated<string>;
    topic: string;
    key: string;
    value: string;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
}

/** A jsonb column: read as a value, written as its JSON text (pg would turn arrays into PG arrays). */
export type Json<T> = ColumnType<T, string, string>;
