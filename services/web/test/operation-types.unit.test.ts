import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generatedFile, generateOperationTypes } from '../codegen.ts';

test('the operations’ types are what the schema and operations give today (else: npm run codegen -w @thidua/web)', async () => {
  expect(readFileSync(generatedFile, 'utf8')).toBe(await generateOperationTypes());
});
