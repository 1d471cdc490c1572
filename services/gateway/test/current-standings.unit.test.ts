import { describe, expect, test } from 'vitest';
import { CurrentStandings } from '../src/current-standings.ts';
import type { StandingsRow } from '../src/standings-feed.ts';

const standings = (clusterCode: string, revision: number): StandingsRow => ({
  cluster_code: clusterCode,
  period_id: '2026-H1',
  revision,
  changed_at: new Date('2026-06-30T10:00:00Z'),
  entries: [],
});

describe('the standings kept for the ranking query', () => {
  test('keep the highest revision of each period, whichever arrives first', () => {
    const current = new CurrentStandings();
    expect(current.get('cum-2', '2026-H1')).toBeUndefined();
    current.offer(standings('cum-2', 4));
    current.offer(standings('cum-2', 3));
    current.offer(standings('cum-3', 1));
    expect(current.get('cum-2', '2026-H1')?.revision).toBe(4);
    current.offer(standings('cum-2', 5));
    expect(current.get('cum-2', '2026-H1')?.revision).toBe(5);
    expect(current.get('cum-3', '2026-H1')?.revision).toBe(1);
    expect(current.get('cum-2', '2026-FY')).toBeUndefined();
  });
});
