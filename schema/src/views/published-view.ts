/** The `data_type` PostgreSQL's information_schema gives a published view's column. */
export type ViewColumnType = 'text' | 'integer' | 'jsonb' | 'timestamp with time zone';

/**
 * A view one service publishes and the gateway reads: where it lives and, for each key of its row,
 * the column type PostgreSQL reports. The compiler holds `columns` to exactly the row's keys; the
 * producer's integration test holds the view PostgreSQL actually has to `columns`. So the row type
 * the gateway reads through cannot drift from the producer's migration without a failing check.
 */
export interface PublishedView<Row> {
  /** The producing service's schema. */
  schema: string;
  name: string;
  columns: { readonly [Column in keyof Row]-?: ViewColumnType };
}
