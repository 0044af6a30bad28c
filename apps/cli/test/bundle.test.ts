// What each entry of the built CLI loads: --help, --version and completion must not load the SDK's engines, and each
// command's handler is a module of its own that the bin imports only when the command runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const commands = fileURLToPath(new URL('../src/commands/', import.meta.url));

/** The source files bundled into a built file and every file it imports statically (from their source maps). */
function sourcesOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  const out = new Set(map.sources);
  for (const [, path] of code.matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+\.js)"/g)) {
    for (const source of sourcesOf(resolve(dirname(file), path!), seen)) out.add(source);
  }
  return out;
}

const engines = (sources: Set<string>) => [...sources].filter((s) => /node_modules\/(\.pnpm\/)?(ky|undici|valibot)[@/]/.test(s));

/** Every file under src/commands/ (`runs/list/run.ts`), tests left out. */
const commandFiles = readdirSync(commands, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
);
const handlers = commandFiles.filter((f) => f.endsWith('/run.ts'));

describe('the built CLI', () => {
  it('starts (--help, --version) without ky, undici or valibot: the bin holds commander and the command model only', () => {
    const sources = sourcesOf(join(dist, 'dataframer.cjs'));
    expect([...sources].some((s) => s.includes('commander'))).toBe(true);
    expect([...sources].some((s) => s.endsWith('src/program.ts'))).toBe(true);
    expect(engines(sources)).toEqual([]);
  });

  it('holds every definition in the bin and every handler outside it, each built as a module of its own', () => {
    const bin = [...sourcesOf(join(dist, 'dataframer.cjs'))].map((s) => resolve(dist, s));
    expect(handlers.length).toBeGreaterThan(0);
    for (const file of commandFiles) {
      expect(bin.includes(join(commands, file)), file).toBe(!handlers.includes(file));
    }
    for (const handler of handlers) expect(existsSync(join(dist, 'esm/commands', handler.replace(/\.ts$/, '.js'))), handler).toBe(true);
  });

  it('completion loads none of them either; a command that calls the API does', () => {
    expect(engines(sourcesOf(join(dist, 'esm/commands/completion/run.js')))).toEqual([]);
    const list = engines(sourcesOf(join(dist, 'esm/commands/runs/list/run.js')));
    expect(list.some((s) => s.includes('valibot'))).toBe(true);
    expect(list.some((s) => s.includes('ky'))).toBe(true);
  });

  it('has no dependencies to install: commander and the rest are bundled', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies?: object;
      devDependencies: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.devDependencies['commander']).toMatch(/^14\.\d+\.\d+$/);
    expect(manifest.devDependencies['@commander-js/extra-typings']).toMatch(/^14\.\d+\.\d+$/);
  });
});
