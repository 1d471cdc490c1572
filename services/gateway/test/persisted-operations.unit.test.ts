import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, test } from 'vitest';
import { loadPersistedOperations } from '../src/persisted-operations.ts';
import { schema } from '../src/schema/index.ts';

const operations = [...loadPersistedOperations().values()];

describe('the persisted operations', () => {
  test.each(operations)('$name is valid against the schema and named after its file', (op) => {
    const document = parse(op.document);
    expect(validate(schema, document)).toEqual([]);
    const definitions = document.definitions as OperationDefinitionNode[];
    expect(definitions.map((d) => d.name?.value)).toEqual([op.name]);
  });

  test('cover every query, mutation and subscription of the schema', () => {
    const used = new Set(
      operations.flatMap((op) =>
        (parse(op.document).definitions as OperationDefinitionNode[]).flatMap((d) =>
          d.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '')),
        ),
      ),
    );
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const fields = roots.flatMap((root) => Object.keys(root?.getFields() ?? {}));
    expect(fields.filter((field) => !used.has(field))).toEqual([]);
  });
});
