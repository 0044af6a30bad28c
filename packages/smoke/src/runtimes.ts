import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NPM_INSTALL_FLAGS } from './consumer';
import { baseEnv, exec, execOk } from './exec';

/** A JavaScript runtime that installs from the npm registry as a package shipping its binary. */
export interface RuntimePackage {
  /** Pinned package spec, e.g. `node@22.23.3`. */
  spec: string;
  /** The binary, relative to the install directory. */
  bin: string;
}

/** The runtimes of the matrix besides the Node.js running the tests; each is an npm package with its own binary. */
export const RUNTIME_PACKAGES = {
  node22: { spec: 'node@22.23.3', bin: 'node_modules/node/bin/node' },
  node24: { spec: 'node@24.21.0', bin: 'node_modules/node/bin/node' },
  bun: { spec: 'bun@1.4.5', bin: 'node_modules/.bin/bun' },
  deno: { spec: 'deno@2.9.6', bin: 'node_modules/.bin/deno' },
  workerd: { spec: 'workerd@1.20261117.1', bin: 'node_modules/.bin/workerd' },
} satisfies Record<string, RuntimePackage>;

/** Where downloaded runtimes are kept between runs (gitignored); a fresh clone starts without it. */
export const RUNTIME_CACHE = fileURLToPath(new URL('../.cache/runtimes/', import.meta.url));

/** Returns the path of the runtime's binary, installing it with npm into the cache first when it is missing or broken. */
export async function ensureRuntime(runtime: RuntimePackage): Promise<string> {
  const dir = join(RUNTIME_CACHE, runtime.spec);
  const bin = join(dir, runtime.bin);
  if (existsSync(bin) && (await exec(bin, ['--version'], { timeoutMs: 30_000 })).code === 0) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  // Their install scripts only pick the platform's binary, which comes as another npm package: nothing outside the registry.
  await execOk('npm', ['install', ...NPM_INSTALL_FLAGS, runtime.spec], { cwd: dir, env: baseEnv(), timeoutMs: 300_000 });
  await execOk(bin, ['--version'], { timeoutMs: 30_000 });
  return bin;
}
