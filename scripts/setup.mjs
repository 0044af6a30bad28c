// Installs the workspace from the lockfile and builds every package: the first step of every root command.
//   --no-build       install only (commands that build, check or format through turbo, Biome or knip themselves)
//   --unless-built   do nothing when the dataframer CLI is built already (`npm run dataframer`'s fast path)
// What pnpm and turbo print goes to stderr, so that the command that follows owns stdout.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pnpm } from './pnpm.mjs';

const { values: options } = parseArgs({ options: { 'no-build': { type: 'boolean' }, 'unless-built': { type: 'boolean' } } });
if (options['unless-built'] && existsSync(new URL('../apps/cli/dist/dataframer.cjs', import.meta.url))) process.exit(0);

const steps = [['install', '--frozen-lockfile']];
if (!options['no-build']) steps.push(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
for (const args of steps) {
  const code = pnpm(args, { stdio: ['inherit', 2, 2] });
  if (code !== 0) {
    console.error(`setup failed: pnpm ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}
