import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
// @ts-expect-error a plain script of the repository, without types
import { exportNames } from '../../../scripts/export-names.mjs';

it('exports exactly the committed public API (exports.txt): a new export is a decision', { timeout: 60_000 }, () => {
  const committed = readFileSync(fileURLToPath(new URL('../exports.txt', import.meta.url)), 'utf8')
    .trim()
    .split('\n');
  expect((exportNames as (entry: string) => string[])(fileURLToPath(new URL('../src/index.ts', import.meta.url)))).toEqual(committed);
});
