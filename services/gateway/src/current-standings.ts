import { LRUCache } from 'lru-cache';
import type { PublishedViews } from './database.ts';

type StandingsRow = PublishedViews['ranking.published_standings'];

/**
 * How long a kept standings answers without a database read. The standings feed replaces an entry
 * as soon as a newer revision is published, so this only bounds how stale an answer can get if
 * the feed falls behind.
 */
const freshForMs = 2000;

/**
 * The latest standings of each cluster's period this gateway has seen, from the standings feed or
 * from a database read, so that the ranking refreshed by every secretariat during a review meeting
 * is answered from memory. Of two standings of one period the higher revision is kept.
 */
export class CurrentStandings {
  private readonly rows = new LRUCache<string, StandingsRow>({ max: 10_000, ttl: freshForMs });

  get(clusterCode: string, periodId: string): StandingsRow | undefined {
    return this.rows.get(`${clusterCode}/${periodId}`);
  }

  offer(row: StandingsRow): void {
    const key = `${row.cluster_code}/${row.period_id}`;
    const kept = this.rows.get(key);
    if (kept === undefined || kept.revision < row.revision) this.rows.set(key, row);
  }
}
