import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The listening side of the sandbox: where it is, refusing connections on demand, and stopping. */
export interface Listener {
  /** `http://host:port`, with a wildcard bind address shown as loopback so the URL works as printed. */
  url: string;
  port: number;
  /** Stops (or resumes) accepting connections: while refusing, a connect gets ECONNREFUSED, as from a server that is down. */
  setRefusing(refusing: boolean): void;
  stop(): Promise<void>;
}

/** A listen failure with a sentence that says which port and what to do. */
function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const where = `${host}:${port}`;
  const message =
    error.code === 'EADDRINUSE'
      ? `port ${port} is already in use on ${host}; pick another port, or port 0 for a free one`
      : error.code === 'EACCES'
        ? `no permission to listen on ${where}; pick a port above 1023, or port 0 for a free one`
        : error.code === 'EADDRNOTAVAIL'
          ? `address ${host} is not available on this machine; use 127.0.0.1 or another local address`
          : `could not listen on ${where}: ${error.message}`;
  return Object.assign(new Error(message, { cause: error }), { code: error.code });
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(listenError(error, port, host));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0') return '127.0.0.1';
  if (address.address === '::') return '[::1]';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

/** Starts listening; resolves once the port is bound. */
export async function createListener(server: Server, port: number, host: string): Promise<Listener> {
  const address = await listen(server, port, host);
  let refusing = false;
  let stopped = false;
  return {
    url: `http://${urlHost(address)}:${address.port}`,
    port: address.port,
    setRefusing(next) {
      if (stopped || next === refusing) return;
      refusing = next;
      if (next) {
        server.close();
        server.closeIdleConnections();
      } else {
        listen(server, address.port, host).then(
          () => stopped && server.close(),
          (error: Error) => console.error(`[dataframer-sandbox] could not listen again after refusing connections: ${error.message}`),
        );
      }
    },
    stop() {
      stopped = true;
      return new Promise<void>((resolve) => {
        const listening = server.listening;
        if (listening) server.close(() => resolve());
        server.closeAllConnections();
        if (!listening) resolve();
      });
    },
  };
}
