// Runs the pinned pnpm (from package.json "packageManager"), fetching it with npx when it is not installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const pinned = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).packageManager.split('@')[1];

function installedVersion() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/** Runs `pnpm <args>` (in the repository root unless `cwd` says otherwise) and returns its exit code. */
export function pnpm(args, options = {}) {
  const direct = installedVersion() === pinned;
  const [command, fullArgs] = direct ? ['pnpm', args] : ['npx', ['-y', `pnpm@${pinned}`, ...args]];
  const result = spawnSync(command, fullArgs, {
    cwd: options.cwd ?? root,
    stdio: options.stdio ?? 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...options.env },
  });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(pnpm(process.argv.slice(2)));
}
