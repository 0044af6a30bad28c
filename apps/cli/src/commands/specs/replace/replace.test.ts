import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run, runIn, SH_BIN, tempDir } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const sandbox = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** The spec replaces the sandbox received. */
const replaces = () => sandbox.sandbox.requests().filter((r) => r.method === 'PUT').length;

/** The versions of a spec, as `specs get --json` lists them. */
async function versions(id: string): Promise<number> {
  return JSON.parse((await runIn(['specs', 'get', id, '--json', 'versions'], { env: sandbox.env })).stdout).versions.length;
}

/** A spec generated from objectives, SUCCEEDED; its id. */
async function newSpec(name: string): Promise<string> {
  const made = await runIn(['specs', 'create', name, '--objectives', 'Short answers to billing questions', '--wait'], { env: sandbox.env });
  expect(made.code, made.stderr).toBe(0);
  return made.stdout.trim();
}

describe('specs get --yaml and specs replace', () => {
  it('round-trips: get --yaml > file, edit, replace --file file makes a new version whose YAML is the edited file', async () => {
    const id = await newSpec('Round trip spec');
    const cwd = tempDir();
    const got = await runIn(['specs', 'get', 'Round trip spec', '--yaml'], { env: sandbox.env });
    expect(got.code, got.stderr).toBe(0);
    expect(got.stderr).toBe('');
    expect(got.stdout).toMatch(/^spec:\n/);
    const edited = got.stdout.replace(/^(\s*requirements:).*$/m, '$1 Answers in two sentences at most.');
    expect(edited).not.toBe(got.stdout);
    writeFileSync(join(cwd, 'spec.yaml'), edited);
    const before = await versions(id);
    const replaced = await runIn(['specs', 'replace', id.slice(0, 8), '--file', 'spec.yaml'], { env: sandbox.env, cwd });
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toBe(`${id}\n`);
    expect(replaced.stderr).toBe(`✓ Replaced the YAML of spec "Round trip spec" (${id}): now at version ${before + 1}\n`);
    expect(await versions(id)).toBe(before + 1);
    expect((await runIn(['specs', 'get', id, '--yaml'], { env: sandbox.env })).stdout).toBe(edited);
  });

  it('the built bin round-trips through the shell: get --yaml > file, and --file - from a pipe', async () => {
    const id = await newSpec('Piped spec');
    const cwd = tempDir();
    const file = join(cwd, 'spec.yaml');
    const env = { ...sandbox.env };
    const saved = await run(`${SH_BIN} specs get ${id} --yaml > "${file}"`, { shell: true, env });
    expect(saved.code, saved.stderr).toBe(0);
    const yaml = readFileSync(file, 'utf8');
    const piped = await run(`sed 's/Short answers/Brief answers/' "${file}" | ${SH_BIN} specs replace "Piped spec" --file -`, {
      shell: true,
      env,
    });
    expect(piped.code, piped.stderr).toBe(0);
    const now = await runIn(['specs', 'get', id, '--yaml'], { env });
    expect(now.stdout).toBe(yaml.replaceAll('Short answers', 'Brief answers'));
  });

  it('refuses a missing, empty or unreadable file and an empty stdin with exit 2, sending nothing', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'empty.yaml'), '\n');
    const before = replaces();
    for (const [args, input, message] of [
      [['--file', 'nope.yaml'], '', '--file nope.yaml: no such file'],
      [['--file', 'empty.yaml'], '', '--file empty.yaml: the file is empty'],
      [['--file', '.'], '', '--file .: is a directory'],
      [['--file', '-'], '', '--file -: stdin was empty'],
      [[], '', "required option '-f, --file <file>' not specified"],
    ] as const) {
      const result = await runIn(['specs', 'replace', sandbox.readySpec, ...args], { env: sandbox.env, cwd, input });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect(replaces()).toBe(before);
  });

  it('get --yaml of a spec without YAML (FAILED) exits 1 saying why; --yaml and --json exclude each other', async () => {
    const failed = await runIn(['specs', 'create', 'Spec [sandbox:fail]', '--objectives', 'Anything', '--wait'], { env: sandbox.env });
    expect(failed.code).toBe(5);
    const id = found(failed.stdout.trim(), 'the failed spec id');
    const yaml = await runIn(['specs', 'get', id, '--yaml'], { env: sandbox.env });
    expect(yaml.code).toBe(1);
    expect(yaml.stdout).toBe('');
    expect(yaml.stderr).toBe(`error: spec "Spec [sandbox:fail]" (${id}) has no YAML yet: it is FAILED\n`);
    const both = await runIn(['specs', 'get', id, '--yaml', '--json', 'name'], { env: sandbox.env });
    expect(both.code).toBe(2);
  });
});

itPrintedNoKey(sandbox);
