import { printSchema } from 'graphql';
import { schema } from './index.ts';

/** The SDL that `schema/graphql/schema.graphql` must hold (a test checks it is current). */
export const printedSchema = () => `${printSchema(schema)}\n`;
