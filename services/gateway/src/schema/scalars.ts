import { decimal, instant } from '@thidua/schema';
import { GraphQLError } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
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

// graphql-scalars' JSON, through its functions rather than its GraphQLScalarType: the gateway's
// graphql is the CommonJS copy Pothos loads, and a type from the ESM copy would not be accepted.
builder.scalarType('JSON', {
  description: 'A JSON value, checked by the operation that takes it',
  serialize: (value): unknown => GraphQLJSON.serialize(value),
  parseValue: (value): unknown => GraphQLJSON.parseValue(value),
  parseLiteral: (node, variables): unknown => GraphQLJSON.parseLiteral(node, variables),
});
