import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNeeded, installIsCurrent, manifestsDigest, recordBuild, recordInstall } from '../../../../scripts/setupState.mjs';

// A workspace in miniature: one library built from src/, one page with its own build inputs, one package with no build.
let root: string;
const T0 = Date.UTC(2030, 0, 1);

function write(path: string, text: string, at = T0) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  utimesSync(join(root, path), at / 1000, at / 1000);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'df-setup-state-'));
  write('pnpm-lock.yaml', 'lockfileVersion: 9.0\n');
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - apps/*\n');
  write('package.json', '{"name":"root"}');
  write('turbo.json', JSON.stringify({ tasks: { build: { inputs: ['src/**', 'package.json'] } } }));
  write('packages/lib/package.json', '{"name":"lib","scripts":{"build":"tsup"}}');
  write('packages/lib/src/deep/index.ts', 'export {};');
  write('packages/lib/dist/index.js', 'export {};');
  write('apps/page/package.json', '{"name":"page","scripts":{"build":"vite build"}}');
  write('apps/page/turbo.json', JSON.stringify({ tasks: { build: { inputs: ['src/**', 'index.html'] } } }));
  write('apps/page/index.html', '<!doctype html>');
  write('apps/page/dist/index.html', '<!doctype html>');
  write('packages/tests/package.json', '{"name":"tests"}');
  write('packages/tests/src/a.test.ts', '');
  write('node_modules/.modules.yaml', 'layoutVersion: 5\n');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the install step of setup --if-changed', () => {
  it('is current once recorded, until the lockfile or any package.json changes, or node_modules goes', () => {
    expect(installIsCurrent(root)).toBe(false);
    recordInstall(root);
    expect(installIsCurrent(root)).toBe(true);
    for (const file of ['pnpm-lock.yaml', 'packages/tests/package.json']) {
      write(file, `${file} changed`);
      expect(installIsCurrent(root), file).toBe(false);
      recordInstall(root);
      expect(installIsCurrent(root), file).toBe(true);
    }
    rmSync(join(root, 'node_modules/.modules.yaml'));
    expect(installIsCurrent(root)).toBe(false);
  });

  it('records the manifests as they were when the install started', () => {
    const before = manifestsDigest(root);
    write('apps/page/package.json', '{"name":"page","version":"1.0.0"}');
    recordInstall(root, before);
    expect(installIsCurrent(root)).toBe(false);
  });
});

describe('the build step of setup --if-changed', () => {
  it('is needed until a build is recorded, then only when a build input is as new as that build or a dist is missing', () => {
    expect(buildNeeded(root)).toBe('no build recorded yet');
    recordBuild(root, T0 + 1000);
    expect(buildNeeded(root)).toBeUndefined();
    // A file nested in src/, the package's own inputs (index.html), and a package with no build, which never counts.
    write('packages/tests/src/a.test.ts', 'changed', T0 + 5000);
    expect(buildNeeded(root)).toBeUndefined();
    write('packages/lib/src/deep/index.ts', 'export const x = 1;', T0 + 1000);
    expect(buildNeeded(root)).toBe(`${join('packages', 'lib')} changed`);
    recordBuild(root, T0 + 2000);
    write('apps/page/index.html', '<!doctype html><title>x</title>', T0 + 3000);
    expect(buildNeeded(root)).toBe(`${join('apps', 'page')} changed`);
    recordBuild(root, T0 + 4000);
    expect(buildNeeded(root)).toBeUndefined();
    rmSync(join(root, 'packages/lib/dist'), { recursive: true });
    expect(buildNeeded(root)).toBe(`${join('packages', 'lib')} has no dist`);
  });

  it('keeps the install record when a build is recorded, and the other way round', () => {
    recordInstall(root);
    recordBuild(root, T0 + 1000);
    expect(installIsCurrent(root)).toBe(true);
    recordInstall(root);
    expect(buildNeeded(root)).toBeUndefined();
  });

  it('builds when an input pattern is not one it can read', () => {
    write('turbo.json', JSON.stringify({ tasks: { build: { inputs: ['src/**/*.ts'] } } }));
    recordBuild(root, T0 + 1000);
    expect(buildNeeded(root)).toBe(`${join('packages', 'lib')} changed`);
  });
});
