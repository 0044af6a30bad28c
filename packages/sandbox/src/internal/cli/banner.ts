import type { Sandbox, SandboxOptions } from '../../types';
import { ADMIN, API, DEFAULT_OPTIONAL_FIELDS, DEFAULT_SPEC_READY_STATUS } from '../rules';

/** What the command prints once it listens: the base URL, the exact export lines, and a first request to try. */
export function banner(sandbox: Sandbox, options: Pick<SandboxOptions, 'idempotency'> = {}): string {
  const { url, keys } = sandbox;
  const settings = sandbox.control.settings();
  const notes: string[] = [];
  if (settings.specReadyStatus !== DEFAULT_SPEC_READY_STATUS) notes.push(`specs say ${settings.specReadyStatus}`);
  if (settings.optionalFields !== DEFAULT_OPTIONAL_FIELDS)
    notes.push(`optional fields ${settings.optionalFields === 'null' ? 'are null' : 'are left out'}`);
  if (settings.maxPageSize !== undefined) notes.push(`sample pages hold at most ${settings.maxPageSize}`);
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
    '',
    `Try: curl -H "Authorization: Bearer ${keys.acme}" ${url}${API}/runs/`,
    `Admin API: ${url}${ADMIN}/state. Stop with Ctrl-C.`,
    '',
  ].join('\n');
}
