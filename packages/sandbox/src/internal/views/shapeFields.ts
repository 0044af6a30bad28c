import type { OptionalFieldsMode } from '../../types';

/**
 * Serves the fields of `view` that the contract marks optional as they are, as null, or not at all;
 * the `keep` fields (required by the contract, or what a client needs to act: ids, a run's status) always stay.
 */
export function shapeFields(view: Record<string, unknown>, keep: readonly string[], mode: OptionalFieldsMode): Record<string, unknown> {
  if (mode === 'present') return view;
  const shaped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(view)) {
    if (keep.includes(name)) shaped[name] = value;
    else if (mode === 'null') shaped[name] = null;
  }
  return shaped;
}
