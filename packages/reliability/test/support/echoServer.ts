import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from './listenOnLoopback';

/**
 * A loopback server that echoes the Authorization header back everywhere a careless server might: in the
 * JSON error body, in a nested field, in a WWW-Authenticate, X-Request-Id and a custom header, and in a
 * malformed body. `/runs/echo-<status>/` answers that status; `/runs/` answers 200 with the key in the data.
 */
export async function startEchoServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    const auth = req.headers.authorization ?? '';
    const token = auth.replace(/^Bearer\s+/i, '');
    const headers = {
      'content-type': 'application/json',
      'www-authenticate': `Bearer realm="api", error="invalid_token", token="${token}"`,
      'x-request-id': `req-${token}`,
      'x-echo-authorization': auth,
      'retry-after': '0',
    };
    const match = /\/runs\/echo-(\d{3})(-malformed)?\//.exec(req.url ?? '');
    if (!match) {
      res.writeHead(200, headers);
      res.end(JSON.stringify([{ id: 'run-1', status: 'SUCCEEDED', spec_name: `made with ${token}`, note: auth }]));
      return;
    }
    const status = Number(match[1]);
    res.writeHead(status, headers);
    if (match[2]) {
      res.end(`{"detail": "bad key ${token}", "auth": "${auth}`);
      return;
    }
    res.end(
      JSON.stringify({
        detail: `Invalid token ${token}.`,
        authorization: auth,
        errors: { key: [token], nested: [{ msg: `got ${auth}`, loc: ['header', token] }] },
      }),
    );
  });
  return listenOnLoopback(server);
}
