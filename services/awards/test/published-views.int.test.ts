import { publishedViewColumns } from '@thidua/kit/testing';
import { publishedAwardSheets } from '@thidua/schema';
import { expect, inject, test } from 'vitest';
import { awardsMigrations } from '../src/migrations/index.ts';

// The gateway reads these views through the row types declared in @thidua/schema.
test('the views awards publishes have exactly the columns and types their rows declare', async () => {
  const views = [publishedAwardSheets];
  const actual = await publishedViewColumns(inject('databaseUrl'), awardsMigrations, views);
  expect(actual).toEqual(Object.fromEntries(views.map((view) => [view.name, view.columns])));
  expect(views.map((view) => view.schema)).toEqual(views.map(() => 'awards'));
});
