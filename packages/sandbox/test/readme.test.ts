import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));

describe('README', () => {
  it('runs the "Start it from code" example, which exits on its own after stop()', async () => {
    if (!existsSync(DIST)) throw new Error(`${DIST} is missing: build the package first`);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /## Start it from code\s+```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-readme-'));
    try {
      const file = join(dir, 'example.mjs');
      writeFileSync(file, (block as string).replace("'@df/sandbox'", JSON.stringify(DIST)));
      const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(out).toMatch(/^(SUCCEEDED|FAILED) \d+ [\d.]+\n$/);
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
