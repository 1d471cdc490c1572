import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: the fault test on a local three-broker cluster, kept out of `npm test`
// (it starts three brokers and runs two full systems, several minutes). The clean reference run
// uses the broker of the integration setup.
const resolve = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  resolve,
  test: {
    name: 'cluster',
    include: ['test/cluster/**/*.cluster.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 1_500_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
