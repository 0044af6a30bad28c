// What the last setup installed and built, kept in node_modules, so `setup.mjs --if-changed` can tell that nothing
// changed since and skip both steps: the manifests' content for the install, the time the last build started for the
// build (every package's build inputs, as turbo.json lists them, must be older than that, and every dist must exist).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const STAMP = join('node_modules', '.dataframer-setup.json');

/** The workspace packages (folders of packages/ and apps/ with a package.json). */
function workspaces(root) {
  return ['packages', 'apps']
    .filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)))
    .filter((dir) => existsSync(join(dir, 'package.json')));
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function readStamp(root) {
  try {
    return readJson(join(root, STAMP));
  } catch {
    return {};
  }
}

function writeStamp(root, change) {
  if (!existsSync(join(root, 'node_modules'))) return;
  writeFileSync(join(root, STAMP), `${JSON.stringify({ ...readStamp(root), ...change })}\n`);
}

/** A digest of everything `pnpm install` reads: the lockfile, the workspace file and every package.json. */
export function manifestsDigest(root) {
  const hash = createHash('sha256');
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json'].map((name) => join(root, name));
  for (const file of [...files, ...workspaces(root).map((dir) => join(dir, 'package.json'))]) {
    hash.update(`${relative(root, file)}\0${existsSync(file) ? readFileSync(file) : ''}\0`);
  }
  return hash.digest('hex');
}

/** Whether the install recorded last read the same manifests, and its node_modules is still there. */
export function installIsCurrent(root) {
  return existsSync(join(root, 'node_modules', '.modules.yaml')) && readStamp(root).manifests === manifestsDigest(root);
}

/** Records the manifests an install read; `digest` is taken before the install started. */
export function recordInstall(root, digest = manifestsDigest(root)) {
  writeStamp(root, { manifests: digest });
}

/** The newest modification time of the files matched by a turbo.json input pattern; Infinity for a pattern not understood. */
function newestOf(dir, pattern) {
  if (pattern.endsWith('/**')) return newestUnder(join(dir, pattern.slice(0, -3)));
  if (/[*?{}[\]!$]/.test(pattern)) return Number.POSITIVE_INFINITY;
  const path = join(dir, pattern);
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function newestUnder(folder) {
  if (!existsSync(folder)) return 0;
  let newest = statSync(folder).mtimeMs;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The build task's inputs for one package: its own turbo.json's, or the root's. */
function buildInputs(root, dir) {
  const own = existsSync(join(dir, 'turbo.json')) ? readJson(join(dir, 'turbo.json')).tasks?.build?.inputs : undefined;
  return own ?? readJson(join(root, 'turbo.json')).tasks.build.inputs;
}

/**
 * Why the workspace needs a build, or undefined when it does not: every package with a build script has its dist, and
 * none of its build inputs changed since the last recorded build started.
 */
export function buildNeeded(root) {
  const builtAt = readStamp(root).builtAt;
  if (typeof builtAt !== 'number') return 'no build recorded yet';
  for (const dir of workspaces(root)) {
    if (!readJson(join(dir, 'package.json')).scripts?.build) continue;
    const name = relative(root, dir);
    if (!existsSync(join(dir, 'dist')) || readdirSync(join(dir, 'dist')).length === 0) return `${name} has no dist`;
    for (const pattern of buildInputs(root, dir)) if (newestOf(dir, pattern) >= builtAt) return `${name} changed`;
  }
  return undefined;
}

/** Records a successful build of the whole workspace that started at `startedAt` (milliseconds since the epoch). */
export function recordBuild(root, startedAt) {
  writeStamp(root, { builtAt: startedAt });
}
