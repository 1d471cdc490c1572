import fc from 'fast-check';

// Arbitraries for the API properties: each field is mostly valid (so that a run gets past the
// first check and reaches the deeper ones), otherwise hostile text, a wrong JSON type, or absent.

/** Strings that have broken parsers before: empty, NUL, lone surrogates, look-alike digits, … */
const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '👨‍👩‍👧‍👦',
  'e\u0301',
  'ǅ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE gateway.outbox; --",
  '%s%n%x',
  '${process.exit(1)}',
  '<script>alert(1)</script>',
  '\\',
  '"',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e3',
  '1e309',
  '0x1F',
  '１２',
  '١٢',
  '12,5',
  '12.345',
  '-1',
  '-0.01',
  '1.',
  '.5',
  '+1',
  ' 12',
  '99999999999999999999999999999999.99',
  '9'.repeat(400),
  'Đảng viên mới',
];

/** Any text: the list above, short random strings of any code point, or a few KB of them. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1000, maxLength: 4000 }) },
);

/** A JSON value of the wrong type for a String or an Int variable. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);

/** Marks a field as left out of the variables altogether. */
export const absent = Symbol('absent');

/** Mostly one of the valid values; sometimes hostile text, a wrong type, or absent. */
export function field<T>(
  valid: fc.Arbitrary<T>,
  hostile: fc.Arbitrary<unknown> = hostileText,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 10, arbitrary: valid },
    { weight: 6, arbitrary: hostile },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(absent) },
  );
}

/** Decimals as the API takes them (strings), valid or nearly so. */
export const decimalText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  hostileText,
);

/** Years: the valid one, any 32-bit integer, and values an Int cannot hold. */
export function yearValue(valid: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 1999, 2101, 9999, 2 ** 31, 2 ** 53 + 1, 1.5) },
    { weight: 1, arbitrary: fc.constant(String(valid)) },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(absent) },
  );
}

/** Instants with an offset, valid or not quite (no offset, 30 February, out of range, …). */
export const instantText: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2028-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2027-07-10T17:00:00+07:00',
    '2027-12-20T17:00:00+07:00',
    '2027-02-30T17:00:00+07:00',
    '2027-02-29T17:00:00+07:00',
    '2027-12-31T24:00:00+07:00',
    '2027-12-31T23:59:60+07:00',
    '2027-07-10T17:00:00+25:00',
    '2027-07-10T17:00:00',
    '2027-07-10',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999999999+14:00',
    '1970-01-01T00:00:00Z',
  ),
  hostileText,
);

/** Drops the fields marked absent: what is sent as the variables. */
export function variablesOf(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== absent));
}
