// `npm run bench`: every benchmark side by side in one run; prints the ratios and writes bench/RESULTS.md.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pnpm } from '../scripts/pnpm.mjs';
import { measureBundles } from './bundle.mjs';
import { measureMemory } from './memory.mjs';
import { measureParse } from './parse.mjs';
import { measureThroughput } from './throughput.mjs';
import { measureUpload } from './upload.mjs';
import { measureWait } from './wait.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const version = (pkg) => JSON.parse(readFileSync(`${root}/node_modules/${pkg}/package.json`, 'utf8')).version;
const lines = [];
const goals = [];
function say(line = '') {
  console.log(line);
  lines.push(line);
}
function goal(name, met, figure, target, note = '') {
  goals.push({ name, met, figure, target, note });
}
const x = (n) => `${n.toFixed(2)}×`;
const kb = (n) => `${(n / 1000).toFixed(2)} kB`;

function startup() {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`${root}/apps/cli/bench/startup.mjs`],
      { cwd: `${root}/apps/cli`, timeout: 300_000 },
      (error, stdout, stderr) => {
        const rows = {};
        for (const match of stdout.matchAll(
          /^\s+(node -e 0|node empty\.cjs|node -e Request|dataframer --help|dataframer runs list|dataframer runs get ID)\s+([\d.]+) ms\s+([\d.]+)×/gm,
        )) {
          rows[match[1]] = { ms: Number(match[2]), ratio: Number(match[3]) };
        }
        const heap = /peak growth over the first request ([\d.]+) MB; one page's body ([\d.]+) MB: ([\d.]+)×/.exec(stdout);
        if (heap) rows.heap = { peakMb: Number(heap[1]), pageMb: Number(heap[2]), ratio: Number(heap[3]) };
        const rawHeap = /raw fetch \+ JSON\.parse of the same pages, same probe: peak growth ([\d.]+) MB \(([\d.]+)×/.exec(stdout);
        if (heap && rawHeap) Object.assign(rows.heap, { rawPeakMb: Number(rawHeap[1]), rawRatio: Number(rawHeap[2]) });
        resolve({
          rows,
          method: /median of \d+ \(([^)]+)\)/.exec(stdout)?.[1] ?? 'unknown',
          error: error ? String(stderr || error.message).trim() : undefined,
        });
      },
    );
  });
}

/** Runs the reliability suite and reads its figures from the report it writes. */
function runReliability() {
  const code = pnpm(['--filter', '@df/reliability', 'test'], { stdio: ['ignore', 'ignore', 'inherit'] });
  let report;
  try {
    report = readFileSync(`${root}/packages/reliability/report/RESULTS.md`, 'utf8');
  } catch {
    return undefined;
  }
  const figure = (label) => new RegExp(`\\| ${label} \\| (\\d+)`).exec(report)?.[1];
  const creates = figure('creates');
  const overshoot = figure('max overshoot past a deadline');
  const abort = figure('max time from abort to rejection');
  const duplicates = [...report.matchAll(/\| duplicates \| (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (code !== 0 || !creates || !overshoot || !abort) return undefined;
  return { creates: Number(creates), duplicates, overshoot: Number(overshoot), abort: Number(abort) };
}

/** Reads the latest StrykerJS report of @df/core (written by `pnpm test:mutation`; the bench never runs Stryker itself). */
function readMutationReport() {
  const dir = `${root}/packages/core/reports/mutation`;
  const reports = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  const latest = reports.map((name) => `${dir}/${name}`).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!latest) return undefined;
  const { files } = JSON.parse(readFileSync(latest, 'utf8'));
  // Stryker's score: mutants the tests detect (killed or timed out) among those they could (also survived or uncovered).
  const side = { Killed: 'detected', Timeout: 'detected', Survived: 'undetected', NoCoverage: 'undetected' };
  const total = { detected: 0, undetected: 0 };
  const modules = [];
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const own = { detected: 0, undetected: 0 };
    for (const mutant of mutants.filter((m) => side[m.status]).sort((a, b) => a.location.start.line - b.location.start.line)) {
      own[side[mutant.status]]++;
      total[side[mutant.status]]++;
      if (side[mutant.status] === 'undetected')
        survivors.push(
          `${file}:${mutant.location.start.line} ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test covers it)' : ''}`,
        );
    }
    modules.push({ file, ...own });
  }
  return { at: statSync(latest).mtime, total, modules, survivors };
}
const score = ({ detected, undetected }) => (detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected));

const SECTIONS = {
  throughput: {
    title: 'List throughput (50-run body, loopback)',
    async run() {
      const tp = await measureThroughput();
      say(
        `${tp.requests} requests × ${tp.trials} trials per contender, alternating order, medians; body ${tp.bodyBytes} bytes. Raw fetch is Node's global fetch + JSON.parse; bare ky is \`ky.get(url).json()\` on the same global fetch; @df/node is \`client.runs.list()\` (ky over undici, valibot checks).`,
      );
      say();
      say('| mode | raw fetch req/s | bare ky req/s | @df/node req/s | × bare ky | × raw fetch |');
      say('| --- | ---: | ---: | ---: | ---: | ---: |');
      for (const [mode, r] of Object.entries(tp.results)) {
        say(`| ${mode} | ${r.raw.toFixed(0)} | ${r.ky.toFixed(0)} | ${r.ours.toFixed(0)} | ${x(r.kyRatio)} | ${x(r.ratio)} |`);
        goal(`list throughput, ${mode}, × bare ky`, r.kyRatio >= 0.95, x(r.kyRatio), '≥ 0.95×');
        goal(`list throughput, ${mode}, × raw fetch`, r.ratio >= 0.75, x(r.ratio), '≥ 0.75×');
      }
    },
  },
  parse: {
    title: 'Parse + validate 10,000 runs',
    async run() {
      const parse = measureParse();
      say(`${(parse.bytes / 1e6).toFixed(1)} MB of JSON, median of ${parse.rounds} rounds, each starting with a different variant.`);
      say();
      say('| variant | ms | × JSON.parse |');
      say('| --- | ---: | ---: |');
      for (const row of parse.rows) say(`| ${row.name} | ${row.ms.toFixed(1)} | ${x(row.ratio)} |`);
      const lenient = parse.rows.find((r) => r.name.startsWith('@df/node default'));
      goal('parse + validate 10,000 runs (@df/node)', lenient.ratio <= 2.0, x(lenient.ratio), '≤ 2.0×');
      say();
      say(
        "The default checks every documented field's type when it is present and not null (string, number, boolean, arrays, nested objects) and the fields the client needs; in @df/node valid bodies are checked in place by a compiled check and only failures go through valibot for the issue paths; @df/browser leaves that fast path out by default to save 0.3 kB gzip (opt in with `schemas: fastLenientSchemas`). Strict mode adds uuid, date-time, integer and enum checks and rejects unknown keys.",
      );
    },
  },
  bundle: {
    title: 'Browser bundle (esbuild --bundle --minify --format=esm --platform=browser, gzip -9)',
    async run() {
      const bundles = await measureBundles();
      say();
      say('| app | min | gzip |');
      say('| --- | ---: | ---: |');
      for (const row of bundles) say(`| ${row.name} | ${row.min} | ${row.gzip} |`);
      const listOnly = bundles.find((r) => r.name.includes('list only'));
      const whole = bundles.find((r) => r.name.includes('whole client'));
      say();
      say('Where the bytes of our pages come from (minified bytes by origin; gzip shares estimated in proportion):');
      say();
      say('| page | ky | valibot | @df/core | @df/browser |');
      say('| --- | ---: | ---: | ---: | ---: |');
      for (const row of [listOnly, whole]) {
        const share = (key) => `${row.byOrigin[key] ?? 0} (~${Math.round(((row.byOrigin[key] ?? 0) / row.min) * row.gzip)} gzip)`;
        say(`| ${row.name} | ${share('ky')} | ${share('valibot')} | ${share('@df/core')} | ${share('@df/browser')} |`);
      }
      goal('browser bundle, list only', listOnly.gzip <= 10_000, kb(listOnly.gzip), '≤ 10 kB');
      // A page that lists runs pays for nothing else: the API paths in its bundle are the runs list's alone.
      const foreign = listOnly.paths.filter((path) => /dataset|specs|evaluation|api-key/.test(path));
      say();
      say(`API paths in the list-only page: ${listOnly.paths.map((path) => `\`${path}\``).join(', ')}.`);
      goal(
        'browser bundle, list only: no dataset, spec, evaluation or key code',
        foreign.length === 0,
        foreign.length === 0 ? 'none' : foreign.join(' '),
        'none',
      );
      goal('browser bundle, whole client', whole.gzip <= 13_500, kb(whole.gzip), '≤ 13.5 kB');
    },
  },
  startup: {
    title: 'CLI cold start',
    async run() {
      const cli = await startup();
      if (cli.error || !cli.rows['dataframer --help']) {
        say(`Could not measure: ${cli.error ?? 'no figures printed'}`);
        for (const [name, target] of [
          ['--help', '≤ 1.15×'],
          ['runs list', '≤ 1.8×'],
          ['runs get ID', '≤ 1.8×'],
        ]) {
          goal(`CLI ${name} cold start`, false, 'not measured', target, cli.error ?? '');
        }
      } else {
        say(
          `Medians (${cli.method}); \`node empty.cjs\` is the floor of running any file, \`node -e Request\` of touching fetch's classes at all (Node loads its built-in undici then; ky does at import); \`runs list\` and \`runs get\` talk to a local sandbox.`,
        );
        say();
        say('| command | ms | × node -e 0 |');
        say('| --- | ---: | ---: |');
        const { heap, ...starts } = cli.rows;
        for (const [name, r] of Object.entries(starts)) say(`| \`${name}\` | ${r.ms.toFixed(1)} | ${x(r.ratio)} |`);
        for (const [name, limit] of [
          ['--help', 1.15],
          ['runs list', 1.8],
          ['runs get ID', 1.8],
        ]) {
          const row = starts[`dataframer ${name}`];
          goal(`CLI ${name} cold start`, row !== undefined && row.ratio <= limit, row ? x(row.ratio) : 'not measured', `≤ ${limit}×`);
        }
        if (heap) {
          say();
          say(`\`runs samples --all\` of 20,000 samples: peak heap growth ${heap.peakMb} MB against one page's body of ${heap.pageMb} MB.`);
          if (heap.rawPeakMb !== undefined)
            say(
              `The same pages fetched with raw fetch + JSON.parse and written out the same way, under the same probe: ${heap.rawPeakMb} MB (${x(heap.rawRatio)} a page), the floor a Node process pays for a parsed page and its own warm-up.`,
            );
          goal('CLI runs samples --all, peak heap growth', heap.ratio <= 1.5, x(heap.ratio), '≤ 1.5× one page');
        }
      }
    },
  },
  memory: {
    title: 'Memory: listing 20,000 runs',
    async run() {
      const mem = await measureMemory();
      const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
      say(
        `Body ${mb(mem.bodyBytes)}. Peak heap growth is sampled every millisecond and at the end of the call, in a child process after a forced GC.`,
      );
      say();
      say('| client | peak heap growth | × body | retained after GC |');
      say('| --- | ---: | ---: | ---: |');
      say(`| @df/node | ${mb(mem.ours.peakGrowth)} | ${x(mem.ours.peakGrowth / mem.bodyBytes)} | ${mb(mem.ours.retained)} |`);
      say(`| raw fetch + JSON.parse | ${mb(mem.raw.peakGrowth)} | ${x(mem.raw.peakGrowth / mem.bodyBytes)} | ${mb(mem.raw.retained)} |`);
      goal('memory, listing 20,000 runs', mem.ratio <= 4, x(mem.ratio), '≤ 4× body');
    },
  },
  wait: {
    title: 'Waiting for a 60-second run',
    async run() {
      const wait = await measureWait();
      say(
        `A sandbox run of ${wait.samples} samples at real speed, ${wait.status} after ${wait.elapsed.toFixed(1)} s: ${wait.polls} requests, ${wait.reports} progress reports, longest gap between reports ${wait.maxGap.toFixed(2)} s.`,
      );
      goal('waiting: requests for a 60 s run', wait.polls <= 40, String(wait.polls), '≤ 40');
      goal('waiting: longest gap between progress reports', wait.maxGap <= 3, `${wait.maxGap.toFixed(2)} s`, '≤ 3 s');
    },
  },
  upload: {
    title: 'Upload of a 50 MB seed dataset (loopback)',
    async run() {
      const up = await measureUpload();
      const mib = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
      say(
        `A ${mib(up.fileBytes)} CSV made by the bench, uploaded ${up.rounds} times by each contender in alternating order, each upload in a child process that during one upload collects garbage and reads the memory it holds (heap and buffers) every 20 ms and records its resident memory, then times a second upload alone; medians. @df/node is \`client.datasets.create({ files: [path] })\` (the path read lazily); plain fetch is Node's fetch with a FormData holding \`fs.openAsBlob(path)\`.`,
      );
      say();
      say('| client | ms | peak memory held | peak RSS growth | bytes the server read |');
      say('| --- | ---: | ---: | ---: | ---: |');
      for (const [name, r] of [
        ['@df/node', up.sdk],
        ['plain fetch + FormData', up.raw],
      ])
        say(`| ${name} | ${r.ms.toFixed(0)} | ${mib(r.peakGrowth)} | ${mib(r.rssGrowth)} | ${r.received} |`);
      goal('upload 50 MB: peak memory held (@df/node)', up.sdk.peakGrowth <= 16e6, mib(up.sdk.peakGrowth), '≤ 16 MB');
      goal('upload 50 MB: time × plain fetch + FormData', up.timeRatio <= 1.25, x(up.timeRatio), '≤ 1.25×');
    },
  },
  reliability: {
    title: 'Reliability under faults',
    async run() {
      const reliability = runReliability();
      if (!reliability) {
        say('Could not read the reliability figures (the suite failed or wrote no report).');
        goal('reliability suite', false, 'failed', 'green');
      } else {
        say(
          `From this run of \`pnpm --filter @df/reliability test\` (packages/reliability/report/RESULTS.md): ${reliability.creates} creates through the SDK under faults, ${reliability.duplicates} duplicates; the furthest a call ended past its deadline ${reliability.overshoot} ms, from an abort to the rejection ${reliability.abort} ms.`,
        );
        goal(
          'reliability: duplicates in ≥ 1,200 faulted creates',
          reliability.creates >= 1200 && reliability.duplicates === 0,
          `${reliability.duplicates} in ${reliability.creates}`,
          '0',
        );
        goal('reliability: deadline overshoot', reliability.overshoot <= 50, `${reliability.overshoot} ms`, '≤ 50 ms');
        goal('reliability: abort latency', reliability.abort <= 50, `${reliability.abort} ms`, '≤ 50 ms');
      }
    },
  },
  mutation: {
    title: 'Mutation score (@df/core policy modules)',
    async run() {
      const mutation = readMutationReport();
      if (!mutation) {
        say('not measured: run pnpm test:mutation');
        goal('mutation score, @df/core policy modules', false, 'not measured', '≥ 85 %', 'run pnpm test:mutation');
      } else {
        say(
          `From the latest \`pnpm test:mutation\` report (StrykerJS with the vitest runner and per-test coverage, packages/core/reports/mutation/, ${mutation.at.toISOString()}): the share of mutants the tests detect (killed or timed out) among those they could detect (also survived, or covered by no test).`,
        );
        say();
        say('| module | mutants | detected | score |');
        say('| --- | ---: | ---: | ---: |');
        for (const m of mutation.modules) say(`| ${m.file} | ${m.detected + m.undetected} | ${m.detected} | ${score(m).toFixed(2)} % |`);
        const all = mutation.total;
        say(`| **all** | ${all.detected + all.undetected} | ${all.detected} | ${score(all).toFixed(2)} % |`);
        say();
        say(`Surviving mutants (${mutation.survivors.length}; which are equivalent, and why, is judged at the end of this page):`);
        say();
        for (const survivor of mutation.survivors) say(`- ${survivor}`);
        goal('mutation score, @df/core policy modules', score(all) >= 85, `${score(all).toFixed(2)} %`, '≥ 85 %');
      }
    },
  },
};

const HELP = `Usage: npm run bench [-- options]   (or: node bench/run.mjs [options], once the workspace is built)

Runs every benchmark side by side in one run, prints the figures and the goals, and writes bench/RESULTS.md.
The whole run takes about 5 minutes on 2 cores (the reliability suite and the 60-second wait are most of it).

Options:
  --only NAMES   run only these sections, comma-separated; prints them and leaves bench/RESULTS.md as it is
  -h, --help     print this help

Sections: ${Object.keys(SECTIONS).join(', ')}`;

const { values: options } = parseArgs({
  options: { only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (options.help) {
  console.log(HELP);
  process.exit(0);
}
const chosen =
  options.only
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean) ?? Object.keys(SECTIONS);
const unknown = chosen.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}

const started = Date.now();
say('# Benchmarks');
say();
say(
  `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
);
say(
  `Versions: valibot ${version('valibot')}, undici ${JSON.parse(readFileSync(`${root}/packages/node/node_modules/undici/package.json`, 'utf8')).version} (@df/node), ky ${version('ky')}, openapi-fetch ${version('openapi-fetch')}, openai ${version('openai')}, esbuild ${version('esbuild')}.`,
);
say('The machines are shared and noisy: compare the ratios, which are measured side by side in this one run, not the absolute times.');

for (const [index, name] of chosen.entries()) {
  say();
  say(`## ${index + 1}. ${SECTIONS[name].title}`);
  await SECTIONS[name].run();
}

say();
say('## Goals');
say();
say('| goal | figure | target | met |');
say('| --- | ---: | ---: | --- |');
for (const g of goals) say(`| ${g.name} | ${g.figure} | ${g.target} | ${g.met ? 'yes' : `**no**${g.note ? ` (${g.note})` : ''}`} |`);
say();
say(`Total time ${((Date.now() - started) / 1000).toFixed(0)} s. Reproduce with \`pnpm bench\` (or \`npm run bench\`).`);

// A partial run prints its sections only: RESULTS.md always holds a whole run.
if (options.only) process.exit(0);

// Which surviving mutants are equivalent, and why, is judged by hand: that closing section of the last page is kept.
const previous = existsSync(`${root}/bench/RESULTS.md`) ? readFileSync(`${root}/bench/RESULTS.md`, 'utf8') : '';
const judged = /^## Surviving mutants judged equivalent\n[\s\S]*/m.exec(previous)?.[0];
writeFileSync(`${root}/bench/RESULTS.md`, `${lines.join('\n')}\n${judged ? `\n${judged.trimEnd()}\n` : ''}`);
