import type { ProxyOptions } from 'vite';

/** Where the proxy sends requests and which key it adds; both read from the server's environment, never from the page. */
export interface DataframerProxyEnv {
  DATAFRAMER_BASE_URL?: string | undefined;
  DATAFRAMER_API_KEY?: string | undefined;
}

/**
 * The same-origin proxy the page talks to: `/api/dataframer/` is forwarded to the Dataframer server (or the sandbox)
 * and the API key is added here, on the server, so the page itself never holds it.
 */
export function dataframerProxy(env: DataframerProxyEnv = process.env): Record<string, ProxyOptions> {
  const target = env.DATAFRAMER_BASE_URL || 'https://df-api.dataframer.ai';
  const apiKey = env.DATAFRAMER_API_KEY;
  return {
    '/api/dataframer/': {
      target,
      changeOrigin: true,
      configure(proxy) {
        proxy.on('proxyReq', (request) => {
          // The page's cookies are for this site, not for the API; whatever the page sent as auth is replaced.
          request.removeHeader('cookie');
          request.removeHeader('authorization');
          if (apiKey) request.setHeader('authorization', `Bearer ${apiKey}`);
        });
      },
    },
  };
}
