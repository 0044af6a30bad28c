/** Whether the install recorded last read the same manifests, and its node_modules is still there. */
export function installIsCurrent(root: string): boolean;
/** Records the manifests an install read; `digest` is taken before the install started. */
export function recordInstall(root: string, digest?: string): void;
/** A digest of everything `pnpm install` reads: the lockfile, the workspace file and every package.json. */
export function manifestsDigest(root: string): string;
/** Why the workspace needs a build, or undefined when it does not. */
export function buildNeeded(root: string): string | undefined;
/** Records a successful build of the whole workspace that started at `startedAt` (milliseconds since the epoch). */
export function recordBuild(root: string, startedAt: number): void;
