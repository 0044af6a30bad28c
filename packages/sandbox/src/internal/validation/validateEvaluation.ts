import {
  DEFAULT_EVALUATION_MODEL,
  DEFAULT_LEGACY_EVALUATION_MODEL,
  EVALUATION_MODELS,
  LEGACY_EVALUATION_MODELS,
  type RunStatus,
} from '../rules';
import { notAnObject, type FieldErrors } from './FieldErrors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The field error for an `evaluation_model` outside `models`, or undefined when it is one of them. */
function modelError(model: unknown, models: readonly string[]): FieldErrors | undefined {
  if (typeof model === 'string' && models.includes(model)) return undefined;
  return { evaluation_model: [`"${String(model)}" is not a valid choice.`] };
}

/** Checks the legacy run-scoped create body (`{ evaluation_model? }`, the SDK 0.3.1 list; an empty body is fine). */
export function validateLegacyEvaluation(body: unknown): { errors: FieldErrors } | { value: { model: string } } {
  if (body === undefined) return { value: { model: DEFAULT_LEGACY_EVALUATION_MODEL } };
  const wrong = notAnObject(body);
  if (wrong) return { errors: wrong };
  const model = (body as Record<string, unknown>).evaluation_model ?? DEFAULT_LEGACY_EVALUATION_MODEL;
  const errors = modelError(model, LEGACY_EVALUATION_MODELS);
  return errors ? { errors } : { value: { model: model as string } };
}

/** Checks a `POST /evaluations/` body (`{ run_id, evaluation_model? }`), every field's errors at once. */
export function validateCreateEvaluation(body: unknown): { errors: FieldErrors } | { value: { runId: string; model: string } } {
  const wrong = body === undefined ? undefined : notAnObject(body);
  if (wrong) return { errors: wrong };
  const fields = (body ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const runId = fields.run_id;
  if (runId === undefined || runId === null || runId === '') errors.run_id = ['This field is required.'];
  else if (typeof runId !== 'string' || !UUID.test(runId)) errors.run_id = ['Must be a valid UUID.'];
  const model = fields.evaluation_model ?? DEFAULT_EVALUATION_MODEL;
  Object.assign(errors, modelError(model, EVALUATION_MODELS));
  if (Object.keys(errors).length > 0) return { errors };
  return { value: { runId: runId as string, model: model as string } };
}

/** Why a run in `status` cannot be evaluated (only a SUCCEEDED run can, as the newest docs say), or undefined. */
export function unevaluableRun(runId: string, status: RunStatus): string | undefined {
  return status === 'SUCCEEDED' ? undefined : `Run ${runId} is ${status}; only a SUCCEEDED run can be evaluated.`;
}
