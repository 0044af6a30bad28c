import { inject } from 'vitest';

/** The packed tarball of each named package, from the global setup; throws for a package that is not published. */
export function tarballsOf(...names: string[]): string[] {
  const all = inject('tarballs');
  return names.map((name) => {
    const file = all[name];
    if (!file) throw new Error(`${name} is not a publishable package (packed: ${Object.keys(all).join(', ')})`);
    return file;
  });
}
