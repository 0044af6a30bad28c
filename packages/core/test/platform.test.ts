import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));

// The typecheck (lib ES2022 and src/platform.d.ts only) already fails on these; this names the rule in plain words.
it("core's sources touch no runtime of their own: no process, window, document, Buffer, timers or node: modules", () => {
  expect(files.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const file of files) {
    const code = readFileSync(join(src, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const [name, pattern] of [
      ['process', /\bprocess\s*[.[]/],
      ['window', /\bwindow\s*[.[]/],
      ['document', /\bdocument\s*[.[]/],
      ['Buffer', /\bBuffer\b/],
      ['a node: module', /from\s+['"]node:|import\(\s*['"]node:|require\(\s*['"]node:/],
      ['a timer global', /(?<![.\w])(setTimeout|setInterval|clearTimeout|clearInterval)\s*\(/],
    ] as const) {
      if (pattern.test(code)) found.push(`${file}: ${name}`);
    }
  }
  expect(found).toEqual([]);
});
