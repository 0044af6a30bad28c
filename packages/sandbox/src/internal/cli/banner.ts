import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox, SandboxOptions } from '../../types';
import { ADMIN, API, DEFAULT_DATASET_PATHS, DEFAULT_OPTIONAL_FIELDS, DEFAULT_SPEC_READY_STATUS } from '../rules';

/** The repository clone this sandbox runs from (its root has the `dataframer` script), or undefined when it is installed from the registry. */
function cloneRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const { name, scripts } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; scripts?: Record<string, string> };
        if (name === 'dataframer-toolkit' && scripts?.['dataframer']) return dir;
      } catch {
        // Not a manifest this can read: keep looking above it.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const shellWord = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

/** How to list the runs with the dataframer CLI: the clone's root script from a clone (from its root folder), else the installed command. */
function cliLines(): string[] {
  const root = cloneRoot();
  if (root === undefined) return ['Then, with the dataframer CLI (@df/cli) installed, list the runs:', 'dataframer runs list'];
  // Where the shell is: npm run starts the sandbox in the clone's root whichever folder it was typed in.
  const here = process.env['INIT_CWD'] ?? process.cwd();
  const same = existsSync(here) && realpathSync(here) === realpathSync(root);
  const command = 'npm run dataframer -- runs list';
  return ['Then list the runs with the dataframer CLI of this clone:', same ? command : `cd ${shellWord(root)} && ${command}`];
}

/** What the command prints once it listens: the base URL, the exact export lines, and a first request to try. */
export function banner(sandbox: Sandbox, options: Pick<SandboxOptions, 'idempotency'> = {}): string {
  const { url, keys } = sandbox;
  const settings = sandbox.control.settings();
  const notes: string[] = [];
  if (settings.specReadyStatus !== DEFAULT_SPEC_READY_STATUS) notes.push(`specs say ${settings.specReadyStatus}`);
  if (settings.optionalFields !== DEFAULT_OPTIONAL_FIELDS)
    notes.push(`optional fields ${settings.optionalFields === 'null' ? 'are null' : 'are left out'}`);
  if (settings.maxPageSize !== undefined) notes.push(`sample pages hold at most ${settings.maxPageSize}`);
  if (settings.datasetPaths !== DEFAULT_DATASET_PATHS)
    notes.push(`datasets under ${settings.datasetPaths === 'newest' ? '/seed-datasets/' : '/datasets/'} only`);
  if (options.idempotency === 'ignore') notes.push('Idempotency-Key ignored');
  const faults = sandbox.faults.list().length;
  if (faults > 0) notes.push(`${faults} fault rule${faults === 1 ? '' : 's'} installed`);
  return [
    `Dataframer sandbox listening on ${url}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`,
    `Demo API key: ${keys.acme} (company "acme"; the second company "globex" uses ${keys.globex})`,
    '',
    'For the SDK and the dataframer CLI, run these in your shell:',
    `export DATAFRAMER_BASE_URL=${url}`,
    `export DATAFRAMER_API_KEY=${keys.acme}`,
    ...cliLines(),
    '',
    `Try: curl -H "Authorization: Bearer ${keys.acme}" ${url}${API}/runs/`,
    `Admin API: ${url}${ADMIN}/state. Stop with Ctrl-C.`,
    '',
  ].join('\n');
}
