import type { Migration } from 'kysely';
import * as createContestState from './2026-11-23T01-create-contest-state.ts';

export const gatewayMigrations: Record<string, Migration> = {
  '2026-11-23T01-create-contest-state': createContestState,
};
