import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const snippets = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes("from '@df/node'"));

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 3, speed: 500 });
});
afterAll(async () => {
  await sandbox.stop();
});

/** Runs one snippet as an ES module inside this package, so `@df/node` resolves to the built package itself. */
function run(code: string, index: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = fileURLToPath(new URL('../.readme-examples/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}example-${index}.mjs`;
  writeFileSync(file, code);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [file],
      { env: { PATH: process.env['PATH'], DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_BASE_URL: sandbox.url }, timeout: 30_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('README examples', () => {
  it('has the snippets this test runs', () => {
    expect(snippets.length).toBe(2);
  });

  it('lists runs from the local server', async () => {
    const result = await run(snippets[0]!, 0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const ids = new Set(sandbox.runs(sandbox.keys.acme).filter((r) => !r.deleted).map((r) => r.id));
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(ids.size);
    for (const line of lines) expect(ids.has(line.split(' ')[0]!)).toBe(true);
  });

  it('creates a run and waits for it', async () => {
    const result = await run(snippets[1]!, 1);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/finished: (SUCCEEDED|FAILED)/);
    expect(result.stdout).toMatch(/PROCESSING \d+\/100|SUCCEEDED \d+\/100/);
  });
});
