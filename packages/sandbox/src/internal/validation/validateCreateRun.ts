import { DATABRICKS_PARAMS, GENERATION_MODELS, isDatabricksModel, MAX_SAMPLES_PER_RUN, SEED_SHUFFLING_LEVELS } from '../rules';
import { notAnObject, type FieldErrors } from './FieldErrors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a create-run body the way a Django REST serializer would, collecting every field error. */
export function validateCreateRun(body: unknown): { errors: FieldErrors } | { value: Record<string, unknown> } {
  const wrong = notAnObject(body);
  if (wrong) return { errors: wrong };
  const input = body as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string): void => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const integer = (field: string, min: number, max: number | undefined, required: boolean): void => {
    const v = input[field];
    if (v === undefined) {
      if (required) fail(field, 'This field is required.');
      return;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      fail(field, 'A valid integer is required.');
      return;
    }
    if (v < min) fail(field, `Ensure this value is greater than or equal to ${min}.`);
    if (max !== undefined && v > max) fail(field, `Ensure this value is less than or equal to ${max}.`);
  };
  const choice = (field: string, options: readonly string[]): void => {
    const v = input[field];
    if (v === undefined) return;
    if (typeof v !== 'string' || !options.includes(v)) fail(field, `"${String(v)}" is not a valid choice.`);
  };
  const string = (field: string): void => {
    const v = input[field];
    if (v !== undefined && typeof v !== 'string') fail(field, 'Not a valid string.');
  };
  const boolean = (field: string): void => {
    const v = input[field];
    if (v !== undefined && typeof v !== 'boolean') fail(field, 'Must be a valid boolean.');
  };

  if (input.spec_id === undefined) fail('spec_id', 'This field is required.');
  else if (typeof input.spec_id !== 'string' || !UUID.test(input.spec_id)) fail('spec_id', 'Must be a valid UUID.');
  integer('number_of_samples', 1, MAX_SAMPLES_PER_RUN, true);
  integer('spec_version', 1, undefined, false);
  choice('generation_model', GENERATION_MODELS);
  choice('outline_model', GENERATION_MODELS);
  string('revision_model');
  integer('max_revision_cycles', 0, undefined, false);
  choice('seed_shuffling_level', SEED_SHUFFLING_LEVELS);
  integer('max_examples_in_prompt', 0, undefined, false);
  boolean('unified_multifield');
  boolean('enable_revisions');
  const usesDatabricks = [input.generation_model, input.outline_model].some((m) => typeof m === 'string' && isDatabricksModel(m));
  if (usesDatabricks) {
    for (const field of DATABRICKS_PARAMS) {
      if (typeof input[field] !== 'string' || input[field] === '')
        fail(field, 'This field is required when a databricks/ model is chosen.');
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { value: input };
}
