/** A publishable workspace package. */
export interface PublishablePackage {
  name: string;
  version: string;
  dir: string;
}
/** The workspace packages that are published, in a stable order. */
export function publishablePackages(): PublishablePackage[];
/** Packs each publishable package into `destination` (emptied first) and returns `{ [name]: absolute tarball path }`. */
export function packTarballs(destination: string): Record<string, string>;
