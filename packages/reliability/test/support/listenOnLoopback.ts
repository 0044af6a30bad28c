import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts a test server on 127.0.0.1, port 0; `stop` runs `beforeStop`, then closes every connection. */
export async function listenOnLoopback(server: Server, beforeStop?: () => void): Promise<{ url: string; stop(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        beforeStop?.();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
