// Installs the workspace from the lockfile and builds every package: the first step of every root command.
//   --no-build       install only (commands that build, check or format through turbo, Biome or knip themselves)
//   --unless-built   do nothing when the dataframer CLI is built already (`npm run dataframer`'s fast path)
//   --if-changed     install only when the lockfile or a package.json changed since the last install, build only when
//                    a package's build inputs changed since the last build (or a dist is missing); silent, and under a
//                    second instead of about twenty, when neither did (`npm run dashboard`)
// What pnpm and turbo print goes to stderr, so that the command that follows owns stdout.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pnpm } from './pnpm.mjs';
import { buildNeeded, installIsCurrent, manifestsDigest, recordBuild, recordInstall } from './setupState.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: { 'no-build': { type: 'boolean' }, 'unless-built': { type: 'boolean' }, 'if-changed': { type: 'boolean' } },
});
if (options['unless-built'] && existsSync(new URL('../apps/cli/dist/dataframer.cjs', import.meta.url))) process.exit(0);
const onlyIfChanged = options['if-changed'];

function run(args) {
  const code = pnpm(args, { stdio: ['inherit', 2, 2] });
  if (code !== 0) {
    console.error(`setup failed: pnpm ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}

if (!(onlyIfChanged && installIsCurrent(root))) {
  if (onlyIfChanged) console.error('setup: the lockfile or a package.json changed since the last install: installing');
  const digest = manifestsDigest(root);
  run(['install', '--frozen-lockfile']);
  recordInstall(root, digest);
}

if (!options['no-build']) {
  const why = onlyIfChanged ? buildNeeded(root) : 'asked';
  if (why !== undefined) {
    if (onlyIfChanged) console.error(`setup: building (${why})`);
    const startedAt = Date.now();
    run(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
    recordBuild(root, startedAt);
  }
}
