import { DEFAULT_EVALUATION_MODEL, EVALUATION_MODELS } from '../rules';
import { notAnObject, type FieldErrors } from './FieldErrors';

/** Checks a create-evaluation body (`{ evaluation_model? }`; an empty body is fine). */
export function validateEvaluation(body: unknown): { errors: FieldErrors } | { value: { model: string } } {
  if (body === undefined) return { value: { model: DEFAULT_EVALUATION_MODEL } };
  const wrong = notAnObject(body);
  if (wrong) return { errors: wrong };
  const model = (body as Record<string, unknown>).evaluation_model;
  if (model === undefined) return { value: { model: DEFAULT_EVALUATION_MODEL } };
  if (typeof model !== 'string' || !(EVALUATION_MODELS as readonly string[]).includes(model)) {
    return { errors: { evaluation_model: [`"${String(model)}" is not a valid choice.`] } };
  }
  return { value: { model } };
}
