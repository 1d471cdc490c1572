import { decimal, instant } from '@thidua/schema';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from '../builder.ts';

function parseWith(
  schema: { safeParse(value: unknown): { success: boolean } },
  what: string,
  whatVi: string,
) {
  return (value: unknown): string => {
    if (typeof value !== 'string' || !schema.safeParse(value).success) {
      const shown = JSON.stringify(value);
      throw new GraphQLError(`${shown} is not ${what} (${shown} không phải ${whatVi})`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
}

builder.scalarType('Decimal', {
  description: 'An exact decimal with at most 2 decimals, as a string: "12.50"',
  serialize: (value) => value,
  parseValue: parseWith(
    decimal,
    'a decimal with at most 2 decimals',
    'số thập phân có tối đa 2 chữ số sau dấu phẩy',
  ),
});

/** Vietnam keeps UTC+7 all year, so Asia/Ho_Chi_Minh time is a fixed offset. */
const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** An instant written in Asia/Ho_Chi_Minh time, as users enter and read deadlines. */
export function inVietnamTime(value: string): string {
  const shifted = new Date(Date.parse(value) + vietnamOffsetMs).toISOString();
  return `${shifted.slice(0, -1)}+07:00`;
}

builder.scalarType('DateTime', {
  description: 'An ISO 8601 instant with its offset; shown in Asia/Ho_Chi_Minh time (+07:00)',
  serialize: (value) => inVietnamTime(value),
  parseValue: parseWith(
    instant,
    'an ISO 8601 instant with an offset',
    'thời điểm ISO 8601 kèm múi giờ',
  ),
});

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      // Kept as written: exact values are strings in thidua, and counts are small integers.
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(
        node.fields.map((field) => [field.name.value, literalValue(field.value)]),
      );
    default:
      throw new GraphQLError(
        'variables are not allowed inside a JSON literal (Không dùng biến bên trong giá trị JSON viết sẵn)',
        { extensions: { code: 'BAD_USER_INPUT' } },
      );
  }
}

builder.scalarType('JSON', {
  description: 'A JSON value, checked by the operation that takes it',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalValue,
});
