// Lint for the built page: it must hold no API key, since whoever opens it can read it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(dist)) {
  console.error('apps/demo/dist is missing: run the build first');
  process.exit(1);
}
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);

// A key-shaped string, and the key this shell holds if any (a build must never inline it).
const forbidden = [/sk_(?:live|test)_[A-Za-z0-9_]{4,}/];
if (process.env.DATAFRAMER_API_KEY) forbidden.push(new RegExp(process.env.DATAFRAMER_API_KEY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
const problems = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const pattern of forbidden) {
    const match = text.match(pattern);
    if (match) problems.push(`${file}: contains ${match[0].slice(0, 12)}…`);
  }
}
if (problems.length > 0) {
  console.error(`The built page must not carry API keys:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`apps/demo/dist: ${files.length} files, no API key in them`);
