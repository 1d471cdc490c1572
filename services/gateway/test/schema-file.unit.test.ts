import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { printedSchema } from '../src/schema/printed-schema.ts';

const committed = fileURLToPath(new URL('../../../schema/graphql/schema.graphql', import.meta.url));

test('the committed schema/graphql/schema.graphql is the SDL the gateway serves (run npm run print-schema -w @thidua/gateway)', () => {
  expect(readFileSync(committed, 'utf8')).toBe(printedSchema());
});
