import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packTarballs } from '../scripts/pack-tarballs.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `{ [package name]: absolute path of its packed tarball }`. */
    tarballs: Record<string, string>;
  }
}

/** Packs every publishable package once (from its built dist/) for all the test files. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'df-smoke-tarballs-'));
  project.provide('tarballs', packTarballs(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
