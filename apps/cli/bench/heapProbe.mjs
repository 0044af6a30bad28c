// Preloaded into a `dataframer runs samples --all` process by bench/startup.mjs (node --expose-gc --import):
// samples the live heap (after a full GC) when the first API request starts (the baseline: SDK loaded,
// nothing fetched yet) and at every write to stdout (one per page, while that page is still held), and
// writes the figures to the file named by HEAP_PROBE_OUT when the process exits.
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';

let baseline;
let peak = 0;
let writes = 0;
const series = [];
const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const onRequest = () => {
  baseline ??= heap();
};
subscribe('http.client.request.start', onRequest);
subscribe('undici:request:create', onRequest);
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  writes++;
  if (baseline !== undefined && writes % 4 === 1) {
    const growth = heap() - baseline;
    series.push(growth);
    peak = Math.max(peak, growth);
  }
  return write(chunk, ...rest);
};
process.on('exit', () => writeFileSync(process.env.HEAP_PROBE_OUT, JSON.stringify({ baseline, peak, writes, series })));
