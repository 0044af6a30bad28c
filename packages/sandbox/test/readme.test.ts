import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function section(title: string, fence: string): string {
  const block = new RegExp(`## ${title}[\\s\\S]*?\`\`\`${fence}\\n([\\s\\S]*?)\`\`\``).exec(README)?.[1];
  if (!block) throw new Error(`README has no \`\`\`${fence} block under "## ${title}"`);
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: build the package first`);
  return block.replace("'@df/sandbox'", JSON.stringify(DIST));
}

function runNode(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  // A nested vitest must not think it runs inside this one.
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR')),
    NO_COLOR: '1',
  };
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  // eslint-disable-next-line no-control-regex
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out: out.replace(/\x1b\[[0-9;]*m/g, '') })));
}

describe('README', () => {
  it('runs the "Start it from code" example, which exits on its own after stop()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-readme-'));
    try {
      const file = join(dir, 'example.mjs');
      writeFileSync(file, section('Start it from code', 'js'));
      const { code, out } = await runNode([file], dir);
      expect(out).toMatch(/^(SUCCEEDED|FAILED) \d+ [\d.]+\n$/);
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the "Seed datasets and specs" example: a dataset uploaded, a spec made from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-readme-'));
    try {
      const file = join(dir, 'datasets.mjs');
      writeFileSync(file, section('Seed datasets and specs', 'js'));
      const { code, out } = await runNode([file], dir);
      expect(out).toBe('SINGLE_FILE SUCCEEDED true\n');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the "Scores" example: a run of the good recipe scores at least 80, one of the poor recipe below', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-readme-'));
    try {
      const file = join(dir, 'scores.mjs');
      writeFileSync(file, section('Scores', 'js'));
      const { code, out } = await runNode([file], dir);
      expect(out).toBe('true true\n');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the "Use it in your tests" vitest file, all its tests passing', async () => {
    // Inside the package, so that `vitest` resolves as it does in a user's project.
    const examples = join(fileURLToPath(new URL('..', import.meta.url)), '.readme-examples');
    const dir = join(examples, `vitest-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'sandbox.test.ts'), section('Use it in your tests', 'ts'));
      writeFileSync(join(dir, 'vitest.config.mjs'), 'export default { test: { include: ["*.test.ts"] } };\n');
      const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
      const { code, out } = await runNode([vitest, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')], dir);
      expect(out).toMatch(/Tests\s+3 passed \(3\)/);
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      // The shared parent goes too, unless a concurrent run still has its folder there.
      if (readdirSync(examples).length === 0) rmSync(examples, { recursive: true, force: true });
    }
  }, 60_000);
});
