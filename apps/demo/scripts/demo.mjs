// `npm run dashboard` (and `pnpm demo` here): serves the runs dashboard with the key kept on this side. With
// DATAFRAMER_BASE_URL and DATAFRAMER_API_KEY set, its proxy forwards to that server; with neither, it starts a local
// sandbox and forwards there; with only one, it says which is missing and does not start. PORT picks the port
// (default 4173); Ctrl-C stops everything it started and exits 0.
import { maskKey } from '@df/browser';
import { startSandbox } from '@df/sandbox';
import { proxyTarget } from './proxyTarget.mjs';
import { serveDemo } from './serveDemo.mjs';

const fail = (...lines) => {
  for (const line of lines) console.error(line);
  process.exit(1);
};

const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number from 0 to 65535 (got "${process.env.PORT}").`);

// A blank variable counts as unset, as the SDK reads them.
const baseUrl = process.env.DATAFRAMER_BASE_URL?.trim() || undefined;
const apiKey = process.env.DATAFRAMER_API_KEY?.trim() || undefined;
if ((baseUrl === undefined) !== (apiKey === undefined)) {
  // Refused rather than guessed: a key alone would mean production (runs cost money), a base URL alone a server
  // that answers 401 to every request.
  const [set, missing] = baseUrl ? ['DATAFRAMER_BASE_URL', 'DATAFRAMER_API_KEY'] : ['DATAFRAMER_API_KEY', 'DATAFRAMER_BASE_URL'];
  fail(
    `${set} is set but ${missing} is not, so the dashboard does not know which Dataframer server to use.`,
    'Set both to use a Dataframer server (DATAFRAMER_BASE_URL=https://df-api.dataframer.ai for production), or unset both to use a local sandbox.',
  );
}

let target;
let sandbox;
if (baseUrl && apiKey) {
  try {
    target = proxyTarget(baseUrl);
  } catch (error) {
    fail(error.message);
  }
  console.log(`Dataframer API:  ${target} (DATAFRAMER_BASE_URL), key ${maskKey(apiKey)} (DATAFRAMER_API_KEY); no sandbox started`);
} else {
  console.log('DATAFRAMER_BASE_URL and DATAFRAMER_API_KEY are not set: starting a local sandbox (set both to use another server).');
  sandbox = await startSandbox({ port: 0, seed: 1, speed: 20 });
  target = sandbox.url;
  console.log(`Sandbox API:     ${sandbox.url}`);
}

let server;
try {
  server = await serveDemo({ baseUrl: target, apiKey: apiKey ?? sandbox.keys.acme, port });
} catch (error) {
  await sandbox?.stop();
  if (error?.code === 'EADDRINUSE') {
    fail(
      `Port ${port} is already in use by another program, so the dashboard cannot listen on it.`,
      `Stop that program, or pick another port: PORT=${port === 65535 ? 4174 : port + 1} npm run dashboard`,
    );
  }
  fail(`The dashboard could not start: ${error?.message ?? error}`);
}

const what = sandbox ? 'the dashboard and the sandbox' : 'the dashboard';
console.log(`Runs dashboard:  ${server.url}/`);
console.log(
  `The dashboard calls /api/dataframer/ on its own origin; its server adds the ${sandbox ? 'sandbox ' : ''}key. Ctrl-C stops ${what}.`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([server.close(), sandbox?.stop()]);
  console.log(`Stopped ${what}.`);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
