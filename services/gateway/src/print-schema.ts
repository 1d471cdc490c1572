import { printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { schema } from './schema/index.ts';

/** Writes the SDL that `schema/graphql/schema.graphql` must hold (a test checks it is current). */
export const printedSchema = () => `${printSchema(schema)}\n`;

if (process.argv[2] !== undefined) {
  writeFileSync(process.argv[2], printedSchema());
}
