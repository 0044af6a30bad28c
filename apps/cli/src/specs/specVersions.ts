import type { Spec } from '@df/node';

/** A version's number or name as the server gives it (`version`, or `version_number` on older servers). */
export function versionOf(version: Record<string, unknown>): string {
  return String(version['version'] ?? version['version_number'] ?? version['id'] ?? '?');
}

/** The newest version of a spec: the highest number among its versions, or the last one listed. */
export function latestVersion(spec: Spec): string | undefined {
  const versions = (spec.versions ?? []).map(versionOf);
  const numbers = versions.map(Number).filter(Number.isFinite);
  return numbers.length > 0 ? String(Math.max(...numbers)) : versions.at(-1);
}
