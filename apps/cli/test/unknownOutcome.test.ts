import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { createClient } from '@df/node';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runsCreate } from '../src/commands/runs/create/command';
import type { Result } from './support/cli';
import { commandOf, parseCommandLine } from './support/parse';
import { runBin } from './support/runBin';
import { isUsableSpecStatus } from '@df/core/constants';

vi.setConfig({ testTimeout: 30_000 });

let sandbox: Sandbox;
let home: string;
let readySpec: string;
let model: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 7, speed: 1000, failureRate: 0 });
  home = mkdtempSync(join(tmpdir(), 'dataframer-unknown-outcome-'));
  const client = createClient({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme });
  readySpec = (await client.specs.list()).find((spec) => isUsableSpecStatus(spec.status))!.id;
  const models = (await client.models.list()) as { models: Array<{ id: string }> };
  model = models.models[0]!.id;
  await client.close();
});

afterAll(async () => {
  await sandbox?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** A create whose request reaches the server, which acts on it, but whose answer never arrives. */
async function createWithUnknownOutcome(args: string[]): Promise<Result> {
  const fault = sandbox.faults.add({ method: 'POST', path: '/runs/', kind: 'drop-after-act', nth: [1] });
  try {
    return await runBin(args, { HOME: home, DATAFRAMER_CONFIG_DIR: home, DATAFRAMER_API_KEY: sandbox.keys.acme });
  } finally {
    sandbox.faults.remove(fault);
  }
}

/** The words of the printed retry command, as a POSIX shell splits them (the program name dropped). */
async function shellWords(printed: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('sh', ['-c', `set -- ${printed}; shift; printf '%s\\0' "$@"`]);
  return stdout.split('\0').slice(0, -1);
}

/** The retry command the CLI printed, parsed back by the real command model. */
async function parsedRetry(result: Result) {
  expect(result.code, result.stderr).toBe(1);
  const printed = result.stderr.split('\n').find((line) => line.startsWith('dataframer runs create '));
  expect(printed, result.stderr).toBeDefined();
  return parseCommandLine(await shellWords(printed!));
}

/** Every option `runs create` takes, its own and the global ones, the nearest definition first. */
function createOptions(): Option[] {
  const options: Option[] = [];
  for (let command: CommandUnknownOpts | null = commandOf(runsCreate); command; command = command.parent) {
    for (const option of command.options) {
      if (!options.some((seen) => seen.attributeName() === option.attributeName())) options.push(option);
    }
  }
  return options;
}

// Shell-sensitive on purpose: quotes, a command substitution, a backtick and a glob.
const AWKWARD = 'it\'s a "quoted" $(value) `x` *';

/** A value the option accepts: what the server needs where it checks one, otherwise the first its parser takes. */
function valueFor(option: Option): string {
  const needed: Record<string, string> = {
    spec: readySpec,
    specVersion: '1',
    model,
    outlineModel: model,
    baseUrl: sandbox.url,
    idempotencyKey: randomUUID(),
  };
  const name = option.attributeName();
  if (needed[name] !== undefined) return needed[name];
  if (option.argChoices) return option.argChoices.at(-1)!;
  if (!option.parseArg) return AWKWARD;
  return ['$2.50', '90s', '3'].find((text) => {
    try {
      option.parseArg!(text, undefined);
      return true;
    } catch {
      return false;
    }
  })!;
}

describe('the command printed for a create whose outcome is unknown', () => {
  it('repeats every option the create was given, shell-quoted, with no key in it', async () => {
    const options = createOptions();
    const args = ['runs', 'create', ...options.flatMap((o) => (o.negate || o.isBoolean() ? [o.long!] : [o.long!, valueFor(o)]))];
    const given = parseCommandLine(args);
    // The line above gave every option the command model defines, so the comparison below covers each of them.
    expect(Object.keys(given.options).sort()).toEqual(options.map((o) => o.attributeName()).sort());
    const result = await createWithUnknownOutcome(args);
    expect(result.stderr).not.toContain(sandbox.keys.acme);
    const retry = await parsedRetry(result);
    expect(retry.path).toEqual(['runs', 'create']);
    expect(retry.options).toEqual(given.options);
  });

  it('adds nothing the create was not given but the idempotency key of its first attempt', async () => {
    const args = ['--base-url', sandbox.url, 'runs', 'create', '--spec', readySpec, '--samples', '4'];
    const result = await createWithUnknownOutcome(args);
    const key = sandbox
      .requests()
      .filter((request) => request.method === 'POST')
      .at(-1)?.idempotencyKey;
    expect((await parsedRetry(result)).options).toEqual({ ...parseCommandLine(args).options, idempotencyKey: key });
  });
});
