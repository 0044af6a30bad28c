import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { baseEnv, execOk } from './exec';

/** npm's flags for every install the smoke tests make: quiet, and from the local cache when it can. */
export const NPM_INSTALL_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

/** A throwaway project outside the workspace with some tarballs (and registry packages) installed by npm. */
export interface Consumer {
  dir: string;
  /** Copies a fixture file into the project (optionally under another name) and returns its path. */
  add(fixture: string, as?: string): string;
  /** Writes a file into the project and returns its path. */
  write(name: string, text: string): string;
  remove(): void;
}

/** Options of {@link createConsumer}. */
export interface ConsumerOptions {
  /** Absolute paths of the tarballs to install together, so `@df/node` resolves `@df/core` from its tarball. */
  tarballs: string[];
  /** Registry packages, pinned (`typescript@5.9.3`). */
  packages?: string[];
  /** Extra package.json fields, e.g. `{ type: 'module' }`. */
  manifest?: Record<string, unknown>;
}

const fixtures = new URL('../fixtures/', import.meta.url);

/** Creates a project under the OS temp dir and runs `npm install` with the tarballs in it. */
export async function createConsumer(label: string, options: ConsumerOptions): Promise<Consumer> {
  const dir = mkdtempSync(join(tmpdir(), `df-smoke-${label}-`));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `df-smoke-${label}`, version: '0.0.0', private: true, ...options.manifest }, null, 2)}\n`,
  );
  await execOk('npm', ['install', ...NPM_INSTALL_FLAGS, ...options.tarballs, ...(options.packages ?? [])], {
    cwd: dir,
    env: baseEnv(),
    timeoutMs: 300_000,
  });
  return {
    dir,
    add(fixture, as) {
      const target = join(dir, as ?? basename(fixture));
      cpSync(new URL(fixture, fixtures), target);
      return target;
    },
    write(name, text) {
      const target = join(dir, name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      return target;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
