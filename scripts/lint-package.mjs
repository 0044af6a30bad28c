// Checks a package as it is published: packs it with pnpm (which applies publishConfig, so the workspace's
// "@df/source" export condition is left out and workspace: ranges become versions), then runs publint --strict
// on the tarball and, for libraries (`--types`), @arethetypeswrong/cli with the node16 profile.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'df-lint-'));
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
let code = 0;
try {
  code = pnpm(['pack', '--pack-destination', dir], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] });
  const [tarball] = readdirSync(dir).filter((file) => file.endsWith('.tgz'));
  if (code === 0 && !tarball) code = 1;
  if (code === 0) code = run(bin('publint'), ['run', join(dir, tarball), '--strict', '--pack', 'false']);
  if (code === 0 && process.argv.includes('--types')) code = run(bin('attw'), [join(dir, tarball), '--profile', 'node16']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
