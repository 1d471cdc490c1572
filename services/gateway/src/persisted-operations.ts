import { operationsDirectory } from '@thidua/schema';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export interface PersistedOperation {
  /** The file's name without `.graphql`, which is also the operation's name. */
  name: string;
  document: string;
}

/** The sha256 a client sends for a document (hex of the file's exact bytes, as `sha256sum` prints). */
export const operationHash = (document: string): string =>
  createHash('sha256').update(document).digest('hex');

/** Every persisted operation, by its hash. */
export function loadPersistedOperations(): Map<string, PersistedOperation> {
  const operations = new Map<string, PersistedOperation>();
  for (const file of readdirSync(operationsDirectory)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const document = readFileSync(new URL(file, operationsDirectory), 'utf8');
    operations.set(operationHash(document), { name: file.slice(0, -'.graphql'.length), document });
  }
  return operations;
}
