import { publishedViewColumns } from '@thidua/kit/testing';
import { publishedStandings, publishedStandingsHistory } from '@thidua/schema';
import { expect, inject, test } from 'vitest';
import { rankingMigrations } from '../src/migrations/index.ts';

// The gateway reads these views through the row types declared in @thidua/schema.
test('the views ranking publishes have exactly the columns and types their rows declare', async () => {
  const views = [publishedStandings, publishedStandingsHistory];
  const actual = await publishedViewColumns(inject('databaseUrl'), rankingMigrations, views);
  expect(actual).toEqual(Object.fromEntries(views.map((view) => [view.name, view.columns])));
  expect(views.map((view) => view.schema)).toEqual(views.map(() => 'ranking'));
});
