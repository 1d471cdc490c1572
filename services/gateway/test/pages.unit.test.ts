import { describe, expect, test } from 'vitest';
import { pageOf } from '../src/schema/pages.ts';

const items = Array.from({ length: 250 }, (_, index) => index);

describe('a page of a connection', () => {
  test('holds 20 items when the client names no size', () => {
    const page = pageOf({}, items);
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(250);
  });

  test('never holds more than 100 items, whatever `first` asks for', () => {
    const page = pageOf({ first: 1000 }, items);
    expect(page.edges).toHaveLength(100);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  test('continues after the cursor it was given, to the end of the list', () => {
    const first = pageOf({ first: 100 }, items);
    const second = pageOf({ first: 100, after: first.pageInfo.endCursor }, items);
    const third = pageOf({ first: 100, after: second.pageInfo.endCursor }, items);
    expect(second.edges[0]?.node).toBe(100);
    expect(third.edges.map((edge) => edge.node)).toEqual(items.slice(200));
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  test('refuses a negative size', () => {
    expect(() => pageOf({ first: -1 }, items)).toThrow(/non-negative/);
  });
});
