// Runs the pinned pnpm (from package.json "packageManager"), fetching it with npx when it is not installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const root = new URL('..', import.meta.url);
const pinned = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).packageManager.split('@')[1];

function installedVersion() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/**
 * The bin folder of the pinned pnpm in npx's cache, once an earlier `npx pnpm@<pinned>` put it there (npx names the
 * folder after the first 16 hex digits of the spec's SHA-512), so later calls skip npx's own start-up of a few seconds.
 */
function npxCachedBin() {
  if (process.platform === 'win32') return undefined;
  const cache = process.env.npm_config_cache || join(homedir(), '.npm');
  const folder = join(cache, '_npx', createHash('sha512').update(`pnpm@${pinned}`).digest('hex').slice(0, 16), 'node_modules');
  try {
    const { version } = JSON.parse(readFileSync(join(folder, 'pnpm', 'package.json'), 'utf8'));
    return version === pinned ? join(folder, '.bin') : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `pnpm <args>` (in the repository root unless `cwd` says otherwise) and returns its exit code. */
export function pnpm(args, options = {}) {
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...options.env };
  let [command, fullArgs] = ['pnpm', args];
  if (installedVersion() !== pinned) {
    const bin = npxCachedBin();
    // As npx does, the folder goes first on PATH: turbo and changesets run pnpm themselves.
    if (bin) [command, env.PATH] = [join(bin, 'pnpm'), `${bin}${delimiter}${env.PATH ?? ''}`];
    else [command, fullArgs] = ['npx', ['-y', `pnpm@${pinned}`, ...args]];
  }
  const result = spawnSync(command, fullArgs, {
    cwd: options.cwd ?? root,
    stdio: options.stdio ?? 'inherit',
    shell: process.platform === 'win32',
    env,
  });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(pnpm(process.argv.slice(2)));
}
