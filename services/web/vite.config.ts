import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

const operationsDirectory = new URL('../../schema/graphql/operations/', import.meta.url);
const virtualId = 'virtual:persisted-operations';

/**
 * The persisted operations by name → the sha256 the gateway knows them by, so the app sends
 * hashes only and works against a gateway that runs persisted operations alone.
 */
function persistedOperations(): Plugin {
  return {
    name: 'thidua-persisted-operations',
    resolveId: (id) => (id === virtualId ? `\0${virtualId}` : null),
    load(id) {
      if (id !== `\0${virtualId}`) return null;
      const hashes: Record<string, string> = {};
      for (const file of readdirSync(operationsDirectory).filter((f) => f.endsWith('.graphql'))) {
        const url = new URL(file, operationsDirectory);
        this.addWatchFile(url.pathname);
        hashes[file.slice(0, -'.graphql'.length)] = createHash('sha256')
          .update(readFileSync(url))
          .digest('hex');
      }
      return `export default ${JSON.stringify(hashes)};`;
    },
  };
}

const gateway = process.env.THIDUA_GATEWAY ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react(), persistedOperations()],
  // `npm run dev -w @thidua/web` reloads on change and sends the API's paths (GraphQL, the
  // development sign-in, the files' routes) to a running gateway.
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/dev', '/exports', '/documents', '/templates', '/imports', '/evidence'].map(
        (path) => [path, gateway],
      ),
    ),
  },
  // ECharts is its own chunk (about 540 KB, 184 KB gzipped), fetched only by a page with a chart.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 600 },
});
