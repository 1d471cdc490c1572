import { writeFileSync } from 'node:fs';
import { printedSchema } from './schema/printed-schema.ts';

// `npm run print-schema -w @thidua/gateway` writes the committed SDL file named on the command line.
const target = process.argv[2];
if (target === undefined) throw new Error('usage: print-schema <file>');
writeFileSync(target, printedSchema());
