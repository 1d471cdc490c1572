import { loadPersistedOperations } from '@thidua/gateway';
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The variables README's walkthrough gives after `<!-- walkthrough: <step> -->`. */
export function walkthroughVariables(step: string): Record<string, unknown> {
  const marker = `<!-- walkthrough: ${step} -->`;
  const start = readme.indexOf(marker);
  if (start < 0) throw new Error(`README has no ${marker}`);
  const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(start));
  if (block?.[1] === undefined) throw new Error(`no JSON block after ${marker}`);
  return JSON.parse(block[1]) as Record<string, unknown>;
}

/** The text of a persisted operation, as README links it. */
export function operation(name: string): string {
  const found = [...loadPersistedOperations().values()].find((op) => op.name === name);
  if (found === undefined) throw new Error(`no persisted operation ${name}`);
  return found.document;
}
