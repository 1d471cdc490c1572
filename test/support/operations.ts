import { operationsDirectory } from '@thidua/schema';
import { readFileSync } from 'node:fs';

/**
 * The document of a persisted operation (`schema/graphql/operations/<name>.graphql`), so that
 * tests and the benchmark send what clients send instead of a copy that may drift from it.
 */
export const operationDocument = (name: string): string =>
  readFileSync(new URL(`${name}.graphql`, operationsDirectory), 'utf8');
