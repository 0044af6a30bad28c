// `npm run dashboard` (and `pnpm demo` here): starts a local sandbox and serves the runs dashboard in front of
// it, the key staying on this side. PORT picks the port (default 4173); Ctrl-C stops both and exits 0.
import { startSandbox } from '@df/sandbox';
import { buildDemo, serveDemo } from './serveDemo.mjs';

const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number from 0 to 65535 (got "${process.env.PORT}").`);
  process.exit(1);
}

const sandbox = await startSandbox({ port: 0, seed: 1, speed: 20 });
let server;
try {
  await buildDemo();
  server = await serveDemo({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme, port });
} catch (error) {
  await sandbox.stop();
  if (error?.code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use by another program, so the dashboard cannot listen on it.`);
    console.error(`Stop that program, or pick another port: PORT=${port === 65535 ? 4174 : port + 1} npm run dashboard`);
  } else {
    console.error(`The dashboard could not start: ${error?.message ?? error}`);
  }
  process.exit(1);
}

console.log(`Sandbox API:     ${sandbox.url}`);
console.log(`Runs dashboard:  ${server.url}/`);
console.log('The dashboard calls /api/dataframer/ on its own origin; its server adds the sandbox key. Ctrl-C stops both.');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([server.close(), sandbox.stop()]);
  console.log('Stopped the dashboard and the sandbox.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
