// Installs the workspace from the lockfile and builds every package: the first step of every root command.
import { pnpm } from './pnpm.mjs';

const steps = [
  ['install', '--frozen-lockfile'],
  ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'],
];
for (const args of steps) {
  const code = pnpm(args);
  if (code !== 0) {
    console.error(`setup failed: pnpm ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}
