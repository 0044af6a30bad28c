// Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests; installs it with apt-get when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './chromium.mjs';

if (existsSync(CHROMIUM)) process.exit(0);

if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  console.error(`${CHROMIUM} is missing and installing it needs root. Run as root: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

console.log(`${CHROMIUM} is missing: installing Debian's chromium package (apt-get update, apt-get install -y chromium)`);
for (const args of [['update'], ['install', '-y', 'chromium']]) {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}); the browser tests need ${CHROMIUM}`);
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  process.exit(1);
}
console.log(`${CHROMIUM} installed`);
