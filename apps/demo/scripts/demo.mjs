// `pnpm demo`: starts a local sandbox and serves the runs dashboard in front of it, the key staying on this side.
import { startSandbox } from '@df/sandbox';
import { buildDemo, serveDemo } from './serveDemo.mjs';

const port = Number(process.env.PORT ?? 4173);
const sandbox = await startSandbox({ port: 0, seed: 1, speed: 20 });
await buildDemo();
const server = await serveDemo({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme, port });

console.log(`Sandbox API:     ${sandbox.url}`);
console.log(`Runs dashboard:  ${server.url}/`);
console.log('The dashboard calls /api/dataframer/ on its own origin; the preview server adds the sandbox key. Ctrl-C stops both.');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  await sandbox.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
