import { isUsableSpecStatus } from '@df/core/constants';
import { type Sandbox, type SandboxOptions, setupSandbox } from '@df/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runIn, tempDir, transcript } from './cli';

/** A sandbox of one test file, and how the command reaches it; read its fields inside tests and hooks. */
export interface CliSandbox {
  readonly sandbox: Sandbox;
  /** The sandbox's URL, the key of the company acme, and a config folder of its own. */
  readonly env: Record<string, string>;
  /** The id of a spec a run can be started from. */
  readonly readySpec: string;
}

/** A value a test looked for, or the test fails naming what it did not find. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`not found: ${what}`);
  return value;
}

/** The id of a spec a run can be started from, as `specs list` shows it with `env`. */
async function readySpecOf(env: Record<string, string>): Promise<string> {
  const specs = JSON.parse((await runIn(['specs', 'list', '--json', 'id,status'], { env })).stdout) as Array<{
    id: string;
    status: string;
  }>;
  return found(
    specs.find((spec) => isUsableSpecStatus(spec.status)),
    'a usable spec',
  ).id;
}

/** Starts a sandbox (`options` as `startSandbox` takes them, on a free port) before the file's tests, stops it after them. */
export function useSandbox(options: SandboxOptions = {}): CliSandbox {
  const server = setupSandbox({ beforeAll, afterAll, ...options });
  let env: Record<string, string> | undefined;
  let readySpec: string | undefined;
  beforeAll(async () => {
    env = { DATAFRAMER_BASE_URL: server.baseUrl, DATAFRAMER_API_KEY: server.apiKey, DATAFRAMER_CONFIG_DIR: tempDir() };
    readySpec = await readySpecOf(env);
  });
  return {
    get sandbox() {
      return server.sandbox;
    },
    get env() {
      return found(env, 'the environment of a started sandbox');
    },
    get readySpec() {
      return found(readySpec, 'the ready spec of a started sandbox');
    },
  };
}

/** The last test of a file: no output of any command the file ran holds an API key of these sandboxes. */
export function itPrintedNoKey(...sandboxes: CliSandbox[]): void {
  it('never printed an API key in any output of this file', () => {
    expect(transcript.length).toBeGreaterThan(0);
    const keys = sandboxes.flatMap((s) => Object.values(s.sandbox.keys));
    for (const text of transcript) for (const key of keys) expect(text).not.toContain(key);
  });
}
