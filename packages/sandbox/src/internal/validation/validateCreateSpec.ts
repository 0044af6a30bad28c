import { DATABRICKS_PARAMS, DEFAULT_SPEC_MODEL, GENERATION_MODELS, isDatabricksModel } from '../rules';
import { notAnObject, type FieldErrors } from './FieldErrors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The boolean options of a spec create and their defaults (the older create-spec page; `extrapolate_axes` has none visible). */
const SPEC_OPTIONS = {
  generate_distributions: true,
  generate_conditional_distributions: false,
  extrapolate_values: true,
  extrapolate_axes: false,
} as const;

/** A spec create body once checked: what the spec is made from, and the generation parameters it records. */
export interface CreateSpecInput {
  name: string;
  description: string;
  datasetId: string | null;
  objectives: string | null;
  runtimeParams: Record<string, unknown>;
}

/**
 * Checks a spec create body as a Django REST serializer would, collecting every field error: a name, and exactly
 * one of `dataset_id` (a seeded spec) and `generation_objectives` (a seedless one).
 */
export function validateCreateSpec(body: unknown): { errors: FieldErrors } | { value: CreateSpecInput } {
  const wrong = notAnObject(body);
  if (wrong) return { errors: wrong };
  const input = body as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string): void => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const text = (field: string, required: boolean): string | undefined => {
    const v = input[field];
    if (v === undefined || v === null) {
      if (required) fail(field, 'This field is required.');
      return undefined;
    }
    if (typeof v !== 'string') fail(field, 'Not a valid string.');
    else if (required && v.trim() === '') fail(field, 'This field may not be blank.');
    return typeof v === 'string' ? v : undefined;
  };

  const name = text('name', true);
  const description = text('description', false);
  const datasetId = input.dataset_id ?? null;
  const objectives = text('generation_objectives', false) ?? null;
  if (datasetId !== null && (typeof datasetId !== 'string' || !UUID.test(datasetId))) fail('dataset_id', 'Must be a valid UUID.');
  if (datasetId === null && objectives === null) {
    fail('generation_objectives', 'This field is required when dataset_id is not given: a spec is made from a dataset or from objectives.');
  }
  if (datasetId !== null && objectives !== null) {
    fail('generation_objectives', 'Give either dataset_id (a seeded spec) or generation_objectives (a seedless spec), not both.');
  }
  if (datasetId === null && objectives !== null && objectives.trim() === '') fail('generation_objectives', 'This field may not be blank.');

  const model = input.spec_generation_model_name ?? DEFAULT_SPEC_MODEL;
  if (typeof model !== 'string' || !(GENERATION_MODELS as readonly string[]).includes(model)) {
    fail('spec_generation_model_name', `"${String(model)}" is not a valid choice.`);
  } else if (isDatabricksModel(model)) {
    for (const field of DATABRICKS_PARAMS) {
      if (typeof input[field] !== 'string' || input[field] === '')
        fail(field, 'This field is required when a databricks/ model is chosen.');
    }
  }
  const options: Record<string, boolean> = {};
  for (const [field, fallback] of Object.entries(SPEC_OPTIONS)) {
    const v = input[field] ?? fallback;
    if (typeof v !== 'boolean') fail(field, 'Must be a valid boolean.');
    else options[field] = v;
  }
  if (options.generate_conditional_distributions && options.generate_distributions === false) {
    fail('generate_conditional_distributions', 'Conditional distributions need generate_distributions to be true.');
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    value: {
      name: name as string,
      description: description ?? '',
      datasetId: datasetId as string | null,
      objectives,
      runtimeParams: { spec_generation_model_name: model, ...options },
    },
  };
}
