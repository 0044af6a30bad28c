// Serves the built page with vite's preview server, its proxy pointed at a Dataframer server with a key held here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the page into apps/demo/dist. */
export async function buildDemo() {
  // Under a test runner NODE_ENV is "test", which would make vite pick the libraries' development builds.
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', mode: 'production' });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

/**
 * Starts the preview server of apps/demo (its vite.config.ts, proxy included) with DATAFRAMER_BASE_URL and
 * DATAFRAMER_API_KEY set to `baseUrl` and `apiKey` while the config is read. Builds first if there is no build.
 */
export async function serveDemo({ baseUrl, apiKey, port = 0, host = '127.0.0.1' }) {
  if (!existsSync(`${root}/dist/index.html`)) await buildDemo();
  const names = ['DATAFRAMER_BASE_URL', 'DATAFRAMER_API_KEY'];
  const saved = names.map((name) => process.env[name]);
  const wanted = [baseUrl, apiKey];
  names.forEach((name, i) => {
    if (wanted[i] === undefined) delete process.env[name];
    else process.env[name] = wanted[i];
  });
  let server;
  try {
    server = await preview({ root, logLevel: 'warn', preview: { port, host, strictPort: true, open: false } });
  } catch (error) {
    // Vite says "Port N is already in use"; callers get the port and a code to word their own advice.
    if (/already in use/i.test(error?.message ?? '') || error?.code === 'EADDRINUSE') {
      throw Object.assign(new Error(`Port ${port} is already in use`), { code: 'EADDRINUSE', port, cause: error });
    }
    throw error;
  } finally {
    names.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
  }
  const address = server.httpServer.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () => server.close(),
  };
}
