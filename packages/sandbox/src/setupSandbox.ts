import { startSandbox } from './startSandbox';
import type { Sandbox, SandboxControl, SandboxOptions } from './types';

/** A test framework's suite hook (`beforeAll`/`afterAll` of vitest or jest, `before`/`after` of node:test or mocha). */
export type SuiteHook = (fn: () => Promise<void>) => unknown;

/** Options of `setupSandbox`: the suite hooks to register with, and any `startSandbox` option. */
export interface SetupSandboxOptions extends SandboxOptions {
  beforeAll: SuiteHook;
  afterAll: SuiteHook;
}

/** What `setupSandbox` hands back; its fields can be read once the suite's `beforeAll` has run. */
export interface TestSandbox {
  /** The base URL to give a client, e.g. `http://127.0.0.1:54321` (the server root). */
  readonly baseUrl: string;
  /** The demo API key of the company `acme`. */
  readonly apiKey: string;
  /** Time speed, faults, settings and seeded data. */
  readonly control: SandboxControl;
  /** The whole running sandbox (records of runs and requests, both demo keys). */
  readonly sandbox: Sandbox;
}

/**
 * Starts a sandbox on a free port before the suite's tests and stops it after them: call it at the top
 * level of a test file with your framework's hooks, and read `baseUrl`, `apiKey` and `control` inside tests.
 */
export function setupSandbox(options: SetupSandboxOptions): TestSandbox {
  const { beforeAll, afterAll, ...start } = options;
  let running: Sandbox | undefined;
  const started = (): Sandbox => {
    if (!running)
      throw new Error('The sandbox is not running: read baseUrl, apiKey and control inside a test or hook, after beforeAll has run.');
    return running;
  };
  beforeAll(async () => {
    running = await startSandbox({ port: 0, ...start });
  });
  afterAll(async () => {
    await running?.stop();
    running = undefined;
  });
  return {
    get baseUrl() {
      return started().url;
    },
    get apiKey() {
      return started().keys.acme;
    },
    get control() {
      return started().control;
    },
    get sandbox() {
      return started();
    },
  };
}
