import { defineConfig } from 'vitest/config';

// Unit tests are pure; integration and end-to-end tests share one real Kafka broker and one
// PostgreSQL database, brought up once by the global setup.
// graphql ships both CommonJS and ESM files; Pothos loads the CommonJS one, so the tests must too,
// or the schema's types would come from two copies of graphql.
const resolve = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['{schema,services,infra,test}/**/*.unit.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['{schema,services,infra,test}/**/*.{int,e2e}.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
