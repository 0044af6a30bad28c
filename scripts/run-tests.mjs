// Runs every check of every package (lint = publint + attw, typecheck, tests) and prints the totals last.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspaces = ['packages', 'apps']
  .filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')));

for (const dir of workspaces) rmSync(join(dir, 'test-results.json'), { force: true });

const checks = pnpm(['exec', 'turbo', 'run', 'lint', 'typecheck', '--continue', '--output-logs=new-only']);
const tests = pnpm(['exec', 'turbo', 'run', 'test', '--continue', '--concurrency=1']);

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const dir of workspaces) {
  const file = join(dir, 'test-results.json');
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  if (!existsSync(file)) {
    const hasTests = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.test;
    if (hasTests) {
      rows.push(`${name}: no results (the test run did not finish)`);
      failed += 1;
    }
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  rows.push(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
if (checks !== 0) {
  rows.push('lint/typecheck: failed (see above)');
  failed += 1;
}
console.log(`\n${rows.join('\n')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(checks !== 0 || tests !== 0 || failed > 0 ? 1 : 0);
