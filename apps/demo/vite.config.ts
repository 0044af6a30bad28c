import { defineConfig } from 'vite';
import { dataframerProxy, quietProxyErrors } from './dataframerProxy';

// DATAFRAMER_BASE_URL and DATAFRAMER_API_KEY are read by the dev and preview servers only; nothing here reaches the page.
// A build has no proxy, so a base URL the proxy would refuse does not stop `vite build`.
export default defineConfig(({ command }) => ({
  plugins: [quietProxyErrors()],
  ...(command === 'serve' && { server: { proxy: dataframerProxy() }, preview: { proxy: dataframerProxy() } }),
  build: { target: 'es2022' },
}));
