import { createServer, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './listenOnLoopback';

/** A loopback server that answers 200 headers and half a JSON body, then goes silent (Node's own body timeout never fires). */
export async function startStallServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    req.resume();
    open.add(res);
    res.on('close', () => open.delete(res));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[{"id": "run-1", "status": "PROCE');
  });
  return listenOnLoopback(server, () => {
    for (const res of open) res.destroy();
  });
}
