import { isUsableSpecStatus, type SpecListItem, type SpecStatus } from '@df/browser';
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

/** Why a spec in one of these states cannot be used yet; any other state is named as the server sends it. */
const REASONS: Partial<Record<SpecStatus, string>> = { PROCESSING: 'still being built', FAILED: 'its build failed' };

/** Judges one spec of the list: usable as the SDK's `isUsableSpecStatus` says, the others with the reason. */
export function specChoice(spec: SpecListItem): SpecChoice {
  const id = textOr(spec.id);
  const name = textOr(spec.name) ?? (id ? `Spec ${id.slice(0, 8)}` : 'Unnamed spec');
  const latestVersion = numberOr(spec.latest_version);
  const base = { id, name, latestVersion };
  if (!id) return { ...base, usable: false, reason: 'the server sent no id for it' };
  const status = textOr(spec.status);
  // The server did not say: offered, and the server's own answer to the create will tell.
  if (status === undefined) return { ...base, usable: true, reason: 'status not reported' };
  if (isUsableSpecStatus(status)) return { ...base, usable: true, reason: undefined };
  return { ...base, usable: false, reason: REASONS[status] ?? `status ${status}` };
}
