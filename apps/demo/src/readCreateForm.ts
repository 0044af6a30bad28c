import { MAX_SAMPLES_PER_RUN, type CreateRunParams, type SeedShufflingLevel, type SpecListItem } from '@df/browser';
import { parseWhole } from './format';
import type { ModelOption } from './readModels';
import { specChoice } from './specChoice';

/** The create form's values as the browser gives them (FormData entries; checkboxes as booleans). */
export type CreateFormValues = Record<string, string | boolean | undefined>;

/** Whole-number advanced parameters, 0 or more, sent only when filled in. */
export const WHOLE_PARAMS = [
  ['max_revision_cycles', 'Maximum revision cycles'],
  ['max_examples_in_prompt', 'Maximum seed examples in a prompt'],
  ['generation_thinking_budget', 'Generation thinking budget (tokens)'],
  ['outline_thinking_budget', 'Outline thinking budget (tokens)'],
  ['revision_thinking_budget', 'Revision thinking budget (tokens)'],
] as const;

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value.trim() : '');

/**
 * Checks the create form against what the API accepts and builds the create body; every problem is
 * reported at once, by field, so each shows beside its own input.
 */
export function readCreateForm(
  values: CreateFormValues,
  specs: readonly SpecListItem[],
  models: readonly ModelOption[],
): { ok: true; params: CreateRunParams } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const specId = text(values['spec']);
  const spec = specs.map(specChoice).find((choice) => choice.id === specId);
  if (!specId) errors['spec'] = 'Choose a spec first.';
  else if (spec && !spec.usable) errors['spec'] = `This spec cannot be used: ${spec.reason}.`;

  const samples = parseWhole(text(values['samples']), 1, MAX_SAMPLES_PER_RUN);
  if (!samples.ok) errors['samples'] = samples.message;
  const params: CreateRunParams = { spec_id: specId, number_of_samples: samples.ok ? samples.value : 0 };

  const version = text(values['spec_version']);
  if (version) {
    const checked = parseWhole(version, 1, spec?.latestVersion ?? Number.MAX_SAFE_INTEGER);
    if (checked.ok) params.spec_version = checked.value;
    else errors['spec_version'] = checked.message;
  }

  for (const key of ['generation_model', 'outline_model', 'revision_model'] as const) {
    const model = text(values[key]);
    if (model) params[key] = model;
  }
  const level = text(values['seed_shuffling_level']);
  if (level) params.seed_shuffling_level = level as SeedShufflingLevel;
  for (const [key] of WHOLE_PARAMS) {
    const raw = text(values[key]);
    if (!raw) continue;
    const checked = parseWhole(raw, 0, Number.MAX_SAFE_INTEGER);
    if (checked.ok) params[key] = checked.value;
    else errors[key] = checked.message;
  }
  if (values['skip_outline'] === true) params.skip_outline = true;
  if (values['unified_multifield'] === true) params.unified_multifield = true;

  const chosen = [params.generation_model, params.outline_model, params.revision_model];
  const needsDatabricks = chosen.some((id) => id && (models.find((m) => m.id === id)?.needsDatabricks ?? id.startsWith('databricks/')));
  if (needsDatabricks) {
    const fields = ['databricks_client_id', 'databricks_client_secret', 'databricks_api_base'] as const;
    const missing = fields.filter((key) => !text(values[key]));
    if (missing.length > 0) errors['databricks'] = 'Databricks models need the client id, client secret and API base.';
    else for (const key of fields) params[key] = text(values[key]);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, params };
}
