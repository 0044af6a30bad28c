// Runs every check (Biome, knip, each package's publint + attw and typecheck) and every test suite, and prints the totals last.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspaces = ['packages', 'apps']
  .filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')));

for (const dir of workspaces) rmSync(join(dir, 'test-results.json'), { force: true });

// Biome (lint, and the formatting check) and knip (unused files, exports and dependencies) over the whole workspace,
// then every package's own checks.
const style = pnpm(['exec', 'biome', 'ci', '.']);
const unused = pnpm(['exec', 'knip']);
const checks = pnpm(['exec', 'turbo', 'run', 'lint', 'typecheck', '--continue', '--output-logs=new-only']);
// The suites run with a temp folder of their own: whatever a test leaves in it is a test that does not tidy up.
const scratch = mkdtempSync(join(tmpdir(), 'dataframer-suite-'));
const tests = pnpm(['exec', 'turbo', 'run', 'test', '--continue', '--concurrency=1'], {
  env: { TMPDIR: scratch, TMP: scratch, TEMP: scratch },
});
const leftBehind = readdirSync(scratch);
rmSync(scratch, { recursive: true, force: true });

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
if (leftBehind.length > 0) {
  const shown = leftBehind.slice(0, 10).join(', ');
  rows.push(`temp folder: the tests left ${leftBehind.length} entries behind (${shown}${leftBehind.length > 10 ? ', …' : ''})`);
  failed += 1;
}
for (const [name, code] of [
  ['biome (lint and format)', style],
  ['knip (unused code and dependencies)', unused],
  ['lint/typecheck', checks],
]) {
  if (code !== 0) {
    rows.push(`${name}: failed (see above)`);
    failed += 1;
  }
}
console.log(`\n${rows.join('\n')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(style !== 0 || unused !== 0 || checks !== 0 || tests !== 0 || failed > 0 ? 1 : 0);
