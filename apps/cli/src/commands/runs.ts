import { existsSync, mkdirSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Invocation } from '../parser';
import { RUN_STATUSES, runProgress, type CreateRunParams, type NodeClient, type Run, type RunDetail, type RunProgress } from '@df/node';
import { parseDuration } from '../duration';
import { CliError, usageError } from '../errors';
import { EXIT } from '../exitCodes';
import { money, printFields, printJson, printTable, raw, relativeTime, shortDuration, statusText } from '../format';
import type { Io } from '../io';
import { bar, bytes, createStatusLine } from '../progress';
import { interruptSignal, readId, withSession, type Session } from '../session';

/** Fields `--json` offers for a run in a list. */
export const RUN_FIELDS = [
  'id',
  'status',
  'spec_id',
  'spec_name',
  'spec_version',
  'dataset_id',
  'dataset_name',
  'dataset_type',
  'samples_completed',
  'samples_failed',
  'total_cost',
  'created_at',
  'created_by_email',
  'completed_at',
] as const;

/** Fields `--json` offers for one run. */
export const RUN_DETAIL_FIELDS = [...RUN_FIELDS, 'runtime_params', 'generated_files'] as const;

const SORT_KEYS: Record<string, (run: Run) => number | string> = {
  created: (run) => Date.parse(run.created_at ?? '') || 0,
  cost: (run) => run.total_cost ?? -1,
  status: (run) => run.status,
  spec: (run) => (run.spec_name ?? '').toLowerCase(),
  completed: (run) => run.samples_completed ?? 0,
};

interface ListOptions {
  status?: string;
  spec?: string;
  since?: string;
  limit: number;
  sort: string;
  json?: string | true;
}

/** Parses `--since`: a duration ago (30m, 2h, 3d, 1w) or a date; returns epoch ms. */
export function parseSince(text: string, now = Date.now()): number {
  const ago = parseDuration(text, 'none');
  if (ago !== undefined && /[a-z]$/i.test(text.trim())) return now - ago;
  const date = Date.parse(text);
  if (!Number.isNaN(date) && /\d{4}-\d{2}-\d{2}/.test(text)) return date;
  throw usageError(`invalid --since "${text}": use a duration such as 30m, 2h, 3d, 1w, or a date such as 2026-11-01`);
}

/** Filters and sorts runs as `runs list` does (the API has no filters). */
export function filterRuns(runs: Run[], options: Omit<ListOptions, 'json'>, now = Date.now()): Run[] {
  let out = runs;
  if (options.status) {
    const wanted = options.status
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const unknown = wanted.filter((s) => !(RUN_STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0 || wanted.length === 0) {
      throw usageError(`invalid --status "${options.status}": use one or more of ${RUN_STATUSES.join(', ')}, comma-separated`);
    }
    out = out.filter((run) => wanted.includes(run.status));
  }
  if (options.spec) {
    const spec = options.spec.toLowerCase();
    out = out.filter((run) => run.spec_id?.toLowerCase() === spec || run.spec_name?.toLowerCase() === spec);
  }
  if (options.since) {
    const since = parseSince(options.since, now);
    out = out.filter((run) => (Date.parse(run.created_at ?? '') || 0) >= since);
  }
  const descending = options.sort.startsWith('-');
  const keyName = options.sort.replace(/^[-+]/, '').toLowerCase();
  const key = SORT_KEYS[keyName];
  if (!key) throw usageError(`invalid --sort "${options.sort}": use one of ${Object.keys(SORT_KEYS).join(', ')}, with - for descending`);
  out = [...out].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  });
  return out.slice(0, options.limit);
}

function progressCell(io: Io, run: Run): string {
  const failed = run.samples_failed ? io.out.red(` (${run.samples_failed} failed)`) : '';
  return `${run.samples_completed ?? 0} done${failed}`;
}

/** `runs list` */
export function list(command: Invocation): Promise<void> {
  return withSession<ListOptions>(command, async (s) => {
    const { options, io } = s;
    if (options.json === true) printJson(io, [], true, RUN_FIELDS);
    const client = await s.client();
    const matching = filterRuns(await client.runs.list(), { ...options, limit: Infinity });
    const runs = matching.slice(0, options.limit);
    if (options.json !== undefined) return printJson(io, runs, options.json, RUN_FIELDS);
    if (runs.length === 0) {
      if (io.outTty) io.info('No runs match.');
      return;
    }
    if (io.outTty && matching.length > runs.length) io.info(io.errStyle.dim(`Showing ${runs.length} of ${matching.length} runs; use --limit to see more.`));
    printTable(
      io,
      ['ID', 'STATUS', 'PROGRESS', 'COST', 'SPEC', 'CREATED'],
      runs.map((run) => [run.id, statusText(io.out, run.status), progressCell(io, run), money(run.total_cost), run.spec_name ?? run.spec_id ?? '-', relativeTime(run.created_at)]),
      runs.map((run) => [run.id, run.status, raw(run.samples_completed), raw(run.samples_failed), raw(run.total_cost), raw(run.spec_name), raw(run.spec_id), raw(run.created_at)]),
    );
  });
}

/** `runs get ID` */
export function get(command: Invocation): Promise<void> {
  return withSession<{ json?: string | true }>(command, async (s) => {
    const { options, io } = s;
    if (options.json === true) printJson(io, {}, true, RUN_DETAIL_FIELDS);
    const id = await readId(command.args[0]!);
    const run = await (await s.client()).runs.retrieve(id);
    if (options.json !== undefined) return printJson(io, run, options.json, RUN_DETAIL_FIELDS);
    const requested = run.runtime_params?.number_of_samples;
    const model = run.runtime_params?.generation_model;
    const files = run.generated_files ?? [];
    if (!io.outTty) {
      // Scripts get one exact value per key.
      const values: Array<[string, unknown]> = [
        ['id', run.id],
        ['status', run.status],
        ['spec_id', run.spec_id],
        ['spec_name', run.spec_name],
        ['spec_version', run.spec_version],
        ['samples_completed', run.samples_completed],
        ['samples_failed', run.samples_failed],
        ['number_of_samples', requested],
        ['total_cost', run.total_cost],
        ['generation_model', model],
        ['dataset_name', run.dataset_name],
        ['created_at', run.created_at],
        ['created_by_email', run.created_by_email],
        ['completed_at', run.completed_at],
        ['generated_files', files.map((f) => f.path ?? f.id).join(',')],
      ];
      return printFields(io, values.map(([key, value]) => [key, '', raw(value)]));
    }
    const human: Array<[string, string]> = [
      ['ID', run.id],
      ['Status', statusText(io.out, run.status)],
      ['Spec', `${run.spec_name ?? '-'} (${run.spec_id ?? '-'}, version ${run.spec_version ?? '-'})`],
      ['Progress', `${run.samples_completed ?? 0}${requested ? `/${requested}` : ''} completed, ${run.samples_failed ?? 0} failed`],
      ['Cost', money(run.total_cost)],
      ['Model', model ?? '-'],
      ['Dataset', run.dataset_name ?? '-'],
      ['Created', run.created_at ? `${relativeTime(run.created_at)} (${run.created_at}${run.created_by_email ? ` by ${run.created_by_email}` : ''})` : '-'],
      ['Completed', run.completed_at ? `${relativeTime(run.completed_at)} (${run.completed_at})` : '-'],
      ['Files', files.length === 0 ? '-' : files.map((f) => `${f.path ?? f.id} (${bytes(f.size_bytes ?? 0)})`).join(', ')],
    ];
    printFields(io, human.map(([key, value]) => [key, value, '']));
  });
}

interface CreateOptions {
  spec: string;
  samples: number;
  specVersion?: number;
  model?: string;
  outlineModel?: string;
  revisionModel?: string;
  maxRevisionCycles?: number;
  maxExamples?: number;
  seedShuffling?: CreateRunParams['seed_shuffling_level'];
  skipOutline?: boolean;
  idempotencyKey?: string;
  wait?: boolean;
  timeout?: number;
  interval?: number;
  json?: boolean;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The exact command that repeats a create under the same idempotency key. */
export function retryCommand(options: CreateOptions, key: string): string {
  const args = ['dataframer', 'runs', 'create', '--spec', options.spec, '--samples', String(options.samples)];
  const add = (flag: string, value: string | number | undefined) => {
    if (value !== undefined) args.push(flag, String(value));
  };
  add('--spec-version', options.specVersion);
  add('--model', options.model);
  add('--outline-model', options.outlineModel);
  add('--revision-model', options.revisionModel);
  add('--max-revision-cycles', options.maxRevisionCycles);
  add('--max-examples', options.maxExamples);
  add('--seed-shuffling', options.seedShuffling);
  if (options.skipOutline) args.push('--skip-outline');
  args.push('--idempotency-key', key);
  return args.map(shellQuote).join(' ');
}

/** `runs create` */
export function create(command: Invocation): Promise<void> {
  return withSession<CreateOptions>(command, async (s) => {
    const { options: o, io } = s;
    const params: CreateRunParams = { spec_id: o.spec, number_of_samples: o.samples };
    if (o.specVersion !== undefined) params.spec_version = o.specVersion;
    if (o.model !== undefined) params.generation_model = o.model;
    if (o.outlineModel !== undefined) params.outline_model = o.outlineModel;
    if (o.revisionModel !== undefined) params.revision_model = o.revisionModel;
    if (o.maxRevisionCycles !== undefined) params.max_revision_cycles = o.maxRevisionCycles;
    if (o.maxExamples !== undefined) params.max_examples_in_prompt = o.maxExamples;
    if (o.seedShuffling !== undefined) params.seed_shuffling_level = o.seedShuffling;
    if (o.skipOutline) params.skip_outline = true;
    const key = o.idempotencyKey ?? globalThis.crypto.randomUUID();
    const client = await s.client();
    let id: string;
    try {
      ({ id } = await client.runs.create(params, { idempotencyKey: key }));
    } catch (error) {
      if ((error as { code?: string }).code === 'outcome_unknown') Object.assign(error as object, { retryCommand: retryCommand(o, key) });
      throw error;
    }
    io.print(`${id}\n`);
    if (!o.wait) {
      if (io.errTty) io.info(`${io.errStyle.green('✓')} Started run ${id} (${o.samples} samples). Follow it with: dataframer runs watch ${id}`);
      return;
    }
    process.exitCode = await follow(s, client, id, o);
  });
}

/** `runs watch ID` */
export function watch(command: Invocation): Promise<void> {
  return withSession<{ timeout?: number; interval?: number; json?: boolean }>(command, async (s) => {
    const id = await readId(command.args[0]!);
    const client = await s.client();
    process.exitCode = await follow(s, client, id, s.options);
  });
}

/** The exit code a finished run ends `watch` with. */
export function exitCodeFor(status: string): number {
  if (status === 'SUCCEEDED') return EXIT.OK;
  if (status === 'FAILED') return EXIT.RUN_FAILED;
  if (status === 'CANCELED') return EXIT.RUN_CANCELED;
  return EXIT.ERROR;
}

interface Snapshot {
  id: string;
  status: string;
  completed: number;
  failed: number;
  requested: number | null;
  fraction: number | null;
  total_cost: number | null;
  elapsed_ms: number;
  eta_ms: number | null;
}

/** Follows a run to the end, drawing progress; returns the exit code (0 SUCCEEDED, 5 FAILED, 6 CANCELED, 8 timeout, 130 Ctrl-C). */
async function follow(
  s: Session<unknown>,
  client: NodeClient,
  id: string,
  o: { timeout?: number; interval?: number; json?: boolean },
): Promise<number> {
  const { io } = s;
  const line = createStatusLine(io);
  const interrupt = interruptSignal();
  const started = Date.now();
  let first: { t: number; done: number } | undefined;
  let lastEvent = '';
  let lastStatus = '';
  let lastLineAt = 0;
  let last: Snapshot | undefined;
  let spin = 0;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

  const snapshot = (p: RunProgress): Snapshot => {
    const now = Date.now();
    const done = p.completed + p.failed;
    if (p.status === 'PROCESSING' && !first) first = { t: now, done };
    let eta: number | null = null;
    if (first && p.requested && done > first.done && now > first.t) {
      eta = Math.max(0, ((p.requested - done) * (now - first.t)) / (done - first.done));
    }
    return {
      id,
      status: p.status,
      completed: p.completed,
      failed: p.failed,
      requested: p.requested ?? null,
      fraction: p.fraction ?? null,
      total_cost: p.total_cost ?? null,
      elapsed_ms: now - started,
      eta_ms: p.terminal ? 0 : eta === null ? null : Math.round(eta),
    };
  };
  const describe = (x: Snapshot) =>
    `${x.completed}${x.requested ? `/${x.requested}` : ''} done, ${x.failed} failed, ${money(x.total_cost)}`;

  const onProgress = (p: RunProgress) => {
    const x = snapshot(p);
    last = x;
    if (o.json) {
      const key = `${x.status}|${x.completed}|${x.failed}|${x.total_cost}`;
      if (key !== lastEvent && !p.terminal) io.print(`${JSON.stringify({ type: 'progress', ...x })}\n`);
      lastEvent = key;
      return;
    }
    if (io.errTty) {
      const pct = x.fraction === null ? '' : ` ${String(Math.floor(x.fraction * 100)).padStart(3)}%`;
      const eta = x.eta_ms === null ? '' : ` · ETA ${shortDuration(x.eta_ms)}`;
      line.update(
        `${io.errStyle.cyan(frames[spin++ % frames.length]!)} ${statusText(io.errStyle, x.status)} ${bar(x.fraction ?? 0)}${pct} · ${describe(x)}${eta} · ${shortDuration(x.elapsed_ms)}`,
      );
    } else if (x.status !== lastStatus || Date.now() - lastLineAt >= 10_000) {
      if (!p.terminal) io.info(`${x.status} ${describe(x)}`);
      lastLineAt = Date.now();
    }
    lastStatus = x.status;
  };

  try {
    const run: RunDetail = await client.runs.wait(id, {
      signal: interrupt.signal,
      onProgress,
      ...(o.timeout !== undefined && { timeoutMs: o.timeout }),
      ...(o.interval !== undefined && { intervalMs: o.interval }),
    });
    line.clear();
    const code = exitCodeFor(run.status);
    const x = last ?? snapshot({ ...runProgress(run), fraction: undefined, terminal: true });
    if (o.json) io.print(`${JSON.stringify({ type: 'result', ...x, exit_code: code })}\n`);
    const took = `in ${shortDuration(Date.now() - started)}`;
    if (run.status === 'SUCCEEDED') {
      const partial = x.failed > 0 ? ` (partial: ${x.failed} samples failed)` : '';
      io.info(`${io.errStyle.green('✓')} Run ${id} SUCCEEDED: ${describe(x)}, ${took}${partial}`);
    } else if (run.status === 'FAILED') {
      io.info(`${io.errStyle.red('✗')} Run ${id} FAILED: ${describe(x)}`);
    } else {
      io.info(`${io.errStyle.dim('-')} Run ${id} CANCELED: ${describe(x)}`);
    }
    return code;
  } catch (error) {
    line.clear();
    const e = error as { code?: string };
    if (interrupt.signal.aborted) {
      if (o.json && last) io.print(`${JSON.stringify({ type: 'interrupted', ...last, exit_code: EXIT.INTERRUPTED })}\n`);
      io.info(`Stopped watching; run ${id} goes on on the server. Resume with: dataframer runs watch ${id}`);
      return EXIT.INTERRUPTED;
    }
    if (e.code === 'timeout' && o.timeout !== undefined) {
      if (o.json) io.print(`${JSON.stringify({ type: 'timeout', ...(last ?? { id }), exit_code: EXIT.RUN_PENDING })}\n`);
      io.info(
        `Run ${id} is still ${last?.status ?? 'running'} after ${shortDuration(o.timeout)}${last ? ` (${describe(last)})` : ''}; it goes on on the server. Resume with: dataframer runs watch ${id}`,
      );
      return EXIT.RUN_PENDING;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}

/** `runs cancel ID` */
export function cancel(command: Invocation): Promise<void> {
  return withSession(command, async (s) => {
    const id = await readId(command.args[0]!);
    await (await s.client()).runs.cancel(id);
    s.io.print(`${id}\n`);
    if (s.io.errTty) s.io.info(`${s.io.errStyle.green('✓')} Canceled run ${id}`);
  });
}

/** `runs delete ID` */
export function remove(command: Invocation): Promise<void> {
  return withSession<{ yes?: boolean }>(command, async (s) => {
    const arg = command.args[0]!;
    const id = await readId(arg);
    if (!s.options.yes) {
      if (!s.io.inTty || arg === '-') {
        throw usageError(`refusing to delete run ${id} without confirmation because stdin is not a terminal; pass --yes`);
      }
      const { confirm } = await import('../prompt');
      if (!(await confirm(`Delete run ${id} and its files? This cannot be undone. [y/N] `))) {
        throw new CliError(`run ${id} was not deleted`);
      }
    }
    await (await s.client()).runs.delete(id);
    s.io.print(`${id}\n`);
    if (s.io.errTty) s.io.info(`${s.io.errStyle.green('✓')} Deleted run ${id}`);
  });
}

/** `runs download ID` */
export function download(command: Invocation): Promise<void> {
  return withSession<{ out: string; force?: boolean; timeout?: number }>(command, async (s) => {
    const { io, options } = s;
    const id = await readId(command.args[0]!);
    const client = await s.client();
    const interrupt = interruptSignal();
    const line = createStatusLine(io);
    let temp: string | undefined;
    try {
      line.update(`Preparing the files of run ${id}…`);
      const files = await client.runs.waitForFiles(id, { signal: interrupt.signal, timeoutMs: options.timeout ?? 300_000 });
      const url = new URL(files.download_url);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`the server gave an unusable download URL (${url.protocol})`);
      const dir = resolve(options.out);
      mkdirSync(dir, { recursive: true });
      const target = join(dir, `run-${id.replace(/[^A-Za-z0-9._-]/g, '_')}.zip`);
      if (existsSync(target) && !options.force) {
        if (files.size_bytes !== undefined && statSync(target).size === files.size_bytes) {
          line.clear();
          io.info(`${target} is already downloaded (${bytes(files.size_bytes)})`);
          io.print(`${target}\n`);
          return;
        }
        throw new CliError(`${target} already exists with a different size; pass --force to overwrite it`);
      }
      temp = join(dir, `.run-${id.replace(/[^A-Za-z0-9._-]/g, '_')}.zip.${process.pid}.part`);
      if (s.options.debug) io.info(io.errStyle.dim(`[debug] → GET ${url.origin}/… (download URL from the server; no API key sent)`));
      // The download URL is pre-signed: the API key is never sent to it.
      const response = await s.http.get(url, interrupt.signal);
      if (response.statusCode !== 200) {
        response.resume();
        throw new CliError(`downloading the files of run ${id} failed: HTTP ${response.statusCode} from ${url.host}`);
      }
      const total = files.size_bytes ?? (Number(response.headers['content-length']) || undefined);
      const handle = await open(temp, 'w', 0o644);
      let received = 0;
      try {
        for await (const chunk of response as AsyncIterable<Buffer>) {
          await handle.write(chunk);
          received += chunk.byteLength;
          const fraction = total ? received / total : undefined;
          line.update(`Downloading run-${id}.zip ${bar(fraction)} ${bytes(received)}${total ? ` / ${bytes(total)}` : ''}`);
        }
      } finally {
        await handle.close();
      }
      line.clear();
      if (files.size_bytes !== undefined && received !== files.size_bytes) {
        throw new CliError(`the download of run ${id} is incomplete: got ${received} bytes, expected ${files.size_bytes}; nothing was saved, try again`);
      }
      await rename(temp, target);
      temp = undefined;
      io.print(`${target}\n`);
      if (io.errTty) io.info(`${io.errStyle.green('✓')} Saved ${target} (${bytes(received)})`);
    } catch (error) {
      line.clear();
      if (interrupt.signal.aborted) throw new CliError('interrupted; nothing was saved', EXIT.INTERRUPTED);
      throw error;
    } finally {
      interrupt.dispose();
      if (temp) await rm(temp, { force: true });
    }
  });
}

/** `runs samples ID` */
export function samples(command: Invocation): Promise<void> {
  return withSession<{ offset: number; limit: number; json?: boolean }>(command, async (s) => {
    const { io, options } = s;
    const id = await readId(command.args[0]!);
    const page = await (await s.client()).runs.samples(id, { offset: options.offset, limit: options.limit });
    if (options.json) return io.print(`${JSON.stringify(page, null, 2)}\n`);
    const outputs = page.result?.generated_outputs ?? [];
    if (io.errTty) {
      io.info(
        outputs.length === 0
          ? `No samples at offset ${options.offset} (run ${page.status ?? 'status unknown'}, ${page.total_samples ?? 0} in total)`
          : `Samples ${options.offset + 1}–${options.offset + outputs.length} of ${page.total_samples ?? '?'} (${page.status ?? 'status unknown'})`,
      );
    }
    io.print(outputs.map((item) => `${JSON.stringify(item.generated_sample ?? item)}\n`).join(''));
  });
}
