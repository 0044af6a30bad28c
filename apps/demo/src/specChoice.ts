import type { SpecListItem } from '@df/browser';
import { numberOr, textOr } from './lenientValues';

/** Whether a spec can start a run, and if not, why, in words for the form. */
export interface SpecChoice {
  id: string | undefined;
  name: string;
  usable: boolean;
  /** Shown beside a spec that cannot be used, or as a caution on one whose state is not known. */
  reason: string | undefined;
  /** The newest version, when the server says. */
  latestVersion: number | undefined;
}

/** Judges one spec of the list: SUCCEEDED (or READY, from older servers) can be used. */
export function specChoice(spec: SpecListItem): SpecChoice {
  const id = textOr(spec.id);
  const name = textOr(spec.name) ?? (id ? `Spec ${id.slice(0, 8)}` : 'Unnamed spec');
  const latestVersion = numberOr(spec.latest_version);
  const base = { id, name, latestVersion };
  if (!id) return { ...base, usable: false, reason: 'the server sent no id for it' };
  const status = textOr(spec.status);
  switch (status) {
    case 'SUCCEEDED':
    case 'READY':
      return { ...base, usable: true, reason: undefined };
    case 'PROCESSING':
      return { ...base, usable: false, reason: 'still being built' };
    case 'FAILED':
      return { ...base, usable: false, reason: 'its build failed' };
    case undefined:
      // The server did not say: offered, and the server's own answer to the create will tell.
      return { ...base, usable: true, reason: 'status not reported' };
    default:
      return { ...base, usable: false, reason: `status ${status}` };
  }
}
