import { defaultClientConditions, defineConfig } from 'vite';
import { dataframerProxy, quietProxyErrors } from './dataframerProxy';

// DATAFRAMER_BASE_URL and DATAFRAMER_API_KEY are read by the dev and preview servers only; nothing here reaches the page.
// A build has no proxy, so a base URL the proxy would refuse does not stop `vite build`.
export default defineConfig(({ command }) => ({
  plugins: [quietProxyErrors()],
  ...(command === 'serve' && { server: { proxy: dataframerProxy() }, preview: { proxy: dataframerProxy() } }),
  // The workspace's packages from their sources (one module per operation, `@df/source`), not their one-file builds: the
  // bundler can then leave the operations only a run's page calls (evaluations) in that page's chunk.
  resolve: { conditions: ['@df/source', ...defaultClientConditions] },
  build: { target: 'es2022' },
}));
