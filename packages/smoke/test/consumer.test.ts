// Installs the packed tarballs into throwaway projects, as users get them, and runs list + create + wait
// against a sandbox: ESM import, CommonJS require, and TypeScript with NodeNext and Bundler resolution.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer, type Consumer } from '../src/consumer';
import { baseEnv, exec, execOk, lastJsonLine } from '../src/exec';
import { tarballsOf } from '../src/tarballs';

let sandbox: Sandbox;
const consumers: Consumer[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, speed: 1000 });
});
afterAll(async () => {
  await sandbox?.stop();
  for (const consumer of consumers) consumer.remove();
});

async function consumer(label: string, options: Parameters<typeof createConsumer>[1]): Promise<Consumer> {
  const created = await createConsumer(label, options);
  consumers.push(created);
  return created;
}

function clientEnv(): Record<string, string | undefined> {
  return baseEnv({ DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme });
}

/** Checks a consumer's JSON line against what the sandbox recorded: the run exists, once, and finished. */
function expectRunFinished(result: { id: string; status: string; listed: number }): void {
  expect(result.listed).toBeGreaterThan(0);
  expect(['SUCCEEDED', 'FAILED']).toContain(result.status);
  const records = sandbox.runs('acme').filter((r) => r.id === result.id);
  expect(records).toHaveLength(1);
  expect(records[0]!.run.status).toBe(result.status);
}

describe('the tarballs install together', () => {
  it('@df/node resolves @df/core from its tarball, with no nested copy and no workspace: range', async () => {
    const project = await consumer('deps', { tarballs: tarballsOf('@df/core', '@df/node', '@df/browser') });
    expect(existsSync(join(project.dir, 'node_modules/@df/node/node_modules'))).toBe(false);
    for (const name of ['core', 'node', 'browser']) {
      const manifest = readFileSync(join(project.dir, `node_modules/@df/${name}/package.json`), 'utf8');
      expect(manifest).not.toContain('workspace:');
    }
    const ls = await execOk('npm', ['ls', '--all', '--json'], { cwd: project.dir });
    const tree = JSON.parse(ls.stdout) as {
      dependencies: Record<string, { version: string; dependencies?: Record<string, { version: string }> }>;
    };
    expect(tree.dependencies['@df/node']!.dependencies!['@df/core']!.version).toBe(tree.dependencies['@df/core']!.version);
  });
});

describe('Node consumers', () => {
  it('ESM: import { createClient } from "@df/node"', async () => {
    const project = await consumer('esm', { tarballs: tarballsOf('@df/core', '@df/node'), manifest: { type: 'module' } });
    const script = project.add('node-esm.mjs', 'index.js');
    const result = await execOk(process.execPath, [script], { cwd: project.dir, env: clientEnv() });
    expect(result.stderr).toBe('');
    expectRunFinished(lastJsonLine(result.stdout));
  });

  it('CommonJS: require("@df/node")', async () => {
    const project = await consumer('cjs', { tarballs: tarballsOf('@df/core', '@df/node'), manifest: { type: 'commonjs' } });
    const script = project.add('node-cjs.cjs', 'index.js');
    const result = await execOk(process.execPath, [script], { cwd: project.dir, env: clientEnv() });
    expect(result.stderr).toBe('');
    const line = lastJsonLine<{ id: string; status: string; listed: number; notFound: boolean }>(result.stdout);
    expectRunFinished(line);
    expect(line.notFound).toBe(true);
  });
});

/** A TypeScript consumer that uses the types for real and would fail to compile if they were `any` or wrong. */
const typedConsumer = (
  entry: string,
) => `import { createClient, NotFoundError, type Run, type RunDetail, type SpecListItem } from '@df/node';
import { buildListRunsRequest, type RequestDescription } from '@df/core';
${entry}

const client = createClient({ timeoutMs: 30_000 });
const runs: Run[] = await client.runs.list();
const specs: SpecListItem[] = await client.specs.list();
const spec = specs.find((s) => s.status === 'READY' || s.status === 'SUCCEEDED');
if (!spec?.id) throw new Error('no usable spec');
const { id } = await client.runs.create({ spec_id: spec.id, number_of_samples: 25 });
const run: RunDetail = await client.runs.wait(id, { timeoutMs: 60_000, onProgress: (p) => void p.completed.toFixed(0) });
const request: RequestDescription = buildListRunsRequest();
const missing: unknown = await client.runs.retrieve('no-such-run').catch((error: unknown) => error);
await client.close();

export function neverCalled(): void {
  // @ts-expect-error number_of_samples is a number
  void client.runs.create({ spec_id: 'x', number_of_samples: '25' });
  // @ts-expect-error there is no such method
  void client.runs.explode();
}
console.log(JSON.stringify({ listed: runs.length, id, status: run.status, method: request.method, notFound: missing instanceof NotFoundError }));
`;

describe('TypeScript consumers (typescript 5.9.3 from the registry)', () => {
  it('moduleResolution NodeNext: type-checks the ESM and CommonJS entries, compiles, and runs', async () => {
    const project = await consumer('ts-nodenext', {
      tarballs: tarballsOf('@df/core', '@df/node', '@df/browser', '@df/sandbox'),
      packages: ['typescript@5.9.3', '@types/node@20.19.43'],
      manifest: { type: 'module' },
    });
    project.write(
      'tsconfig.json',
      JSON.stringify({
        // No DOM lib and no skipLibCheck: the published declarations must not need browser types.
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          outDir: 'out',
          types: ['node'],
          lib: ['ES2022'],
          skipLibCheck: false,
        },
        include: ['src'],
      }),
    );
    project.write(
      'src/index.ts',
      typedConsumer("import type { startSandbox } from '@df/sandbox';\nexport type Start = typeof startSandbox;"),
    );
    // The CommonJS side of every package: a .cts file compiles to require() and resolves the "require" types.
    project.write(
      'src/legacy.cts',
      `import { createClient } from '@df/node';
import { createClient as createBrowserClient } from '@df/browser';
import type { SandboxOptions } from '@df/sandbox';
export const options: SandboxOptions = { port: 0, seed: 1 };
export const kinds = [typeof createClient, typeof createBrowserClient];
`,
    );
    await execOk(join(project.dir, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: project.dir });
    const result = await execOk(process.execPath, ['out/index.js'], { cwd: project.dir, env: clientEnv() });
    const line = lastJsonLine<{ id: string; status: string; listed: number; method: string; notFound: boolean }>(result.stdout);
    expectRunFinished(line);
    expect(line).toMatchObject({ method: 'GET', notFound: true });
    const legacy = await execOk(process.execPath, ['-e', "console.log(JSON.stringify(require('./out/legacy.cjs').kinds))"], {
      cwd: project.dir,
    });
    expect(JSON.parse(legacy.stdout)).toEqual(['function', 'function']);
  });

  it('moduleResolution Bundler: type-checks (with @df/browser and the DOM), bundles with esbuild, and runs', async () => {
    const project = await consumer('ts-bundler', {
      tarballs: tarballsOf('@df/core', '@df/node', '@df/browser'),
      packages: ['typescript@5.9.3', '@types/node@20.19.43'],
      manifest: { type: 'module' },
    });
    project.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          module: 'ESNext',
          moduleResolution: 'Bundler',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          types: ['node'],
          lib: ['ES2022', 'DOM'],
          skipLibCheck: false,
        },
        include: ['src'],
      }),
    );
    project.write(
      'src/index.ts',
      typedConsumer(
        "import { createClient as createBrowserClient, type BrowserClientOptions } from '@df/browser';\nexport const browserOptions: BrowserClientOptions = { baseUrl: '/proxy' };\nexport type BrowserClient = ReturnType<typeof createBrowserClient>;",
      ),
    );
    await execOk(join(project.dir, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: project.dir });
    await build({
      entryPoints: [join(project.dir, 'src/index.ts')],
      outfile: join(project.dir, 'out/index.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // As server bundles usually do: undici (under @df/node) is CommonJS and requires node: builtins at run time.
      packages: 'external',
      logLevel: 'silent',
    });
    const result = await execOk(process.execPath, ['out/index.mjs'], { cwd: project.dir, env: clientEnv() });
    expectRunFinished(lastJsonLine(result.stdout));
  });
});

describe('a consumer without a key', () => {
  it('fails with the message that says how to set one, and exits non-zero', async () => {
    const project = await consumer('nokey', { tarballs: tarballsOf('@df/core', '@df/node'), manifest: { type: 'module' } });
    const script = project.add('node-esm.mjs', 'index.js');
    const result = await exec(process.execPath, [script], { cwd: project.dir, env: baseEnv({ DATAFRAMER_BASE_URL: sandbox.url }) });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DATAFRAMER_API_KEY');
  });
});
