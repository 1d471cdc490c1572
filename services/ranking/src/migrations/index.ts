import type { Migration } from 'kysely';
import * as createRankingState from './2026-11-23T01-create-ranking-state.ts';

export const rankingMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-ranking-state': createRankingState,
};
