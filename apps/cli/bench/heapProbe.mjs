// Preloaded into a `dataframer runs samples --all` process by bench/startup.mjs (node --expose-gc --import).
// Samples the live heap after a full GC: when each API request starts (between pages: nothing but the
// process itself is held) and at every fourth write to stdout (while a page is being written out), and
// writes the figures to the file named by HEAP_PROBE_OUT when the process exits.
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';

const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const requests = [];
const writing = [];
let writes = 0;
const onRequest = () => requests.push(heap());
subscribe('http.client.request.start', onRequest);
subscribe('undici:request:create', onRequest);
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (writes++ % 4 === 0) writing.push({ heap: heap(), request: requests.length - 1 });
  return write(chunk, ...rest);
};
process.on('exit', () => writeFileSync(process.env.HEAP_PROBE_OUT, JSON.stringify({ requests, writing, writes })));
