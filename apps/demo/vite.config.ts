import { defineConfig } from 'vite';
import { dataframerProxy, quietProxyErrors } from './dataframerProxy';

// DATAFRAMER_BASE_URL and DATAFRAMER_API_KEY are read by the dev and preview servers only; nothing here reaches the page.
export default defineConfig({
  plugins: [quietProxyErrors()],
  server: { proxy: dataframerProxy() },
  preview: { proxy: dataframerProxy() },
  build: { target: 'es2022' },
});
