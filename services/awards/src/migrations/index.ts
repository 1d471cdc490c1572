import type { Migration } from 'kysely';
import * as createAwardsState from './2026-11-23T01-create-awards-state.ts';

export const awardsMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-awards-state': createAwardsState,
};
