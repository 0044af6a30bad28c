// Packs every publishable workspace package (not "private") into tarballs, as `npm publish` would ship them.
// `pnpm pack` rewrites `workspace:*` ranges to the real versions, so the tarballs install together from disk.
// Usage: node packages/smoke/scripts/pack-tarballs.mjs [destination] (default: artifacts/tarballs at the root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The workspace packages that are published: `{ name, version, dir }`, in a stable order. */
export function publishablePackages() {
  return ['packages', 'apps']
    .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Packs each publishable package into `destination` (emptied first) and returns `{ [name]: absolute tarball path }`. */
export function packTarballs(destination) {
  const dest = resolve(destination);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const tarballs = {};
  for (const pkg of publishablePackages()) {
    if (!existsSync(join(pkg.dir, 'dist'))) {
      throw new Error(`${pkg.name} has no dist/: build first (pnpm build)`);
    }
    // Through the root runner, so the pinned pnpm is used (fetched with npx when it is not installed).
    const result = spawnSync(process.execPath, [join(root, 'scripts/pnpm.mjs'), '-C', pkg.dir, 'pack', '--pack-destination', dest], {
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`pnpm pack failed for ${pkg.name} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    const file = join(dest, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
    if (!existsSync(file)) throw new Error(`pnpm pack did not write ${file}:\n${result.stdout}`);
    tarballs[pkg.name] = file;
  }
  return tarballs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dest = resolve(root, process.argv[2] ?? 'artifacts/tarballs');
  const tarballs = packTarballs(dest);
  for (const [name, file] of Object.entries(tarballs)) console.log(`${name.padEnd(14)} ${relative(process.cwd(), file)}`);
}
